package org.convscope.app.kernel;

import org.convscope.app.common.VolumeCanvas;

/**
 * The input of a convolution as a volume (channels × height × width) with the kernel as a C × K × K block at the
 * current window position, turned by dragging: a {@link VolumeCanvas} fed from a {@link KernelSweep}.
 */
public final class VolumeView extends VolumeCanvas {
    private KernelSweep shown;

    /** What to draw: the sweep's input volume and its kernel at this window position. */
    public void show(KernelSweep s, int position) {
        if (s == null) {
            shown = null;
            showVolume(null, 0, 0, 0);
            setBlock(0, 0, 0);
            return;
        }
        if (s != shown) showVolume(s.input(), s.channels(), s.inputHeight(), s.inputWidth()); // input() copies: once a sweep
        shown = s;
        setBlock(s.windowTop(position), s.windowLeft(position), s.kernelSize());
    }
}
