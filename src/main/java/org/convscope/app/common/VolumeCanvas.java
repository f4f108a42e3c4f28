package org.convscope.app.common;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;

/**
 * A layer's values as a volume (channels × height × width, the channels stacked front to back, a little apart so that
 * each slice stays visible), turned by dragging, optionally with a block (a kernel's C × K × K window) through all the
 * channels. Drawn on a Canvas with an orthographic projection (each slice is a flat image, so its projection is an
 * affine map: no 3-D scene graph, works in the software pipeline and without a GPU). Slices are drawn back to front.
 * Used by the convolution view (its input with the kernel block) and the network view (each layer's output).
 *
 * <p>Coordinates: x = column, y = row (down), z = channel × {@link #GAP} (away from the viewer at yaw = pitch = 0).
 */
public class VolumeCanvas extends ThemedCanvas {
    /** Distance between two channel slices, in map pixels. */
    public static final double GAP = 3;

    private float[] values;
    private int channels, height, width;
    private int blockTop, blockLeft, blockSize; // blockSize 0: no block
    private double yaw = -35, pitch = 25;
    private double dragX, dragY;
    private WritableImage[] slices = new WritableImage[0];
    private float[] slicesOf;
    private int slicesDrawn;

    public VolumeCanvas() {
        super(StagePalette.LOOKUPS);
        setPainter(this::paint);
        setMinSize(120, 120);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> { dragX = e.getX(); dragY = e.getY(); });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            turn((e.getX() - dragX) * 0.5, -(e.getY() - dragY) * 0.5);
            dragX = e.getX();
            dragY = e.getY();
        });
    }

    /**
     * What to draw: values[c·h·w + y·w + x] for c channels of h × w (null: nothing). Signed values get the red/blue
     * map, others grey, one scale for the whole volume. The array must not change afterwards (a new one redraws).
     */
    public void showVolume(float[] values, int channels, int height, int width) {
        if (values != null && values.length < channels * height * width)
            throw new IllegalArgumentException(values.length + " values for a " + channels + "x" + height + "x" + width + " volume");
        this.values = values;
        this.channels = values == null ? 0 : channels;
        this.height = height;
        this.width = width;
        repaint();
    }

    /** A size × size block at (top, left) through every channel (size 0: none). */
    public void setBlock(int top, int left, int size) {
        blockTop = top;
        blockLeft = left;
        blockSize = size;
        repaint();
    }

    /** Turns the volume: degrees about the vertical axis (yaw) and the horizontal one (pitch, kept within ±85°). */
    public void turn(double dYaw, double dPitch) {
        yaw = ((yaw + dYaw) % 360 + 360) % 360;
        if (yaw > 180) yaw -= 360;
        pitch = Math.clamp(pitch + dPitch, -85, 85);
        repaint();
    }

    public double yaw() { return yaw; }
    public double pitch() { return pitch; }

    /** Channels shown. */
    public int channels() { return channels; }

    /** Channel slices the last paint drew. */
    public int slicesDrawn() { return slicesDrawn; }

    /**
     * Orthographic projection of a volume point, before scaling to the canvas: (screen x, screen y, depth), depth
     * growing away from the viewer. Yaw turns about the vertical axis, then pitch about the horizontal one.
     */
    public static double[] project(double x, double y, double z, double yawDeg, double pitchDeg) {
        double a = Math.toRadians(yawDeg), b = Math.toRadians(pitchDeg);
        double x1 = x * Math.cos(a) + z * Math.sin(a), z1 = -x * Math.sin(a) + z * Math.cos(a);
        double y2 = y * Math.cos(b) - z1 * Math.sin(b), z2 = y * Math.sin(b) + z1 * Math.cos(b);
        return new double[] {x1, y2, z2};
    }

    /** Where the volume point lands on the canvas now. */
    public Point2D toCanvas(double x, double y, double z) {
        double[] f = fit(getWidth(), getHeight());
        double[] p = project(x - cx(), y - cy(), z - cz(), yaw, pitch);
        return new Point2D(f[1] + p[0] * f[0], f[2] + p[1] * f[0]);
    }

    private double cx() { return width / 2.0; }
    private double cy() { return height / 2.0; }
    private double cz() { return Math.max(0, channels - 1) * GAP / 2.0; }

    /** {scale, centre x, centre y}: the turned volume's eight corners fit the canvas. */
    private double[] fit(double w, double h) {
        if (values == null) return new double[] {1, w / 2, h / 2};
        double mx = 1e-9, my = 1e-9;
        for (int i = 0; i < 8; i++) {
            double[] p = project((i & 1) == 0 ? -cx() : cx(), (i & 2) == 0 ? -cy() : cy(), (i & 4) == 0 ? -cz() : cz(), yaw, pitch);
            mx = Math.max(mx, Math.abs(p[0]));
            my = Math.max(my, Math.abs(p[1]));
        }
        return new double[] {Math.min(w / 2 / mx, h / 2 / my) * 0.92, w / 2, h / 2};
    }

    private void paint(GraphicsContext g, double w, double h) {
        StagePalette p = StagePalette.of(this);
        g.setTransform(new Affine());
        g.setFill(p.bg());
        g.fillRect(0, 0, w, h);
        slicesDrawn = 0;
        if (values == null) return;
        int C = channels, H = height, W = width, k = blockSize;
        if (slicesOf != values) { // one image per channel, one scale for the whole volume
            slicesOf = values;
            int n = C * H * W;
            float min = 0;
            for (int i = 0; i < n; i++) min = Math.min(min, values[i]);
            ColorMap map = min < 0 ? ColorMap.SIGNED : ColorMap.GRAY;
            float scale = map.scaleOf(values, 0, n);
            slices = new WritableImage[C];
            for (int c = 0; c < C; c++) slices[c] = MapImages.render(values, c * H * W, H, W, map, scale);
        }
        double[] f = fit(w, h);
        double s = f[0];
        // slice c's plane: origin (0, 0, c·GAP), axes x and y; its depth at the centre decides the drawing order
        Integer[] order = new Integer[C];
        for (int c = 0; c < C; c++) order[c] = c;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(depth(b), depth(a)));
        g.setImageSmoothing(false);
        for (int c : order) {
            double z = c * GAP;
            double[] o = project(-cx(), -cy(), z - cz(), yaw, pitch);
            double[] ex = project(1, 0, 0, yaw, pitch), ey = project(0, 1, 0, yaw, pitch);
            Affine t = new Affine(ex[0] * s, ey[0] * s, f[1] + o[0] * s, ex[1] * s, ey[1] * s, f[2] + o[1] * s);
            g.setTransform(t);
            g.setGlobalAlpha(0.9);
            g.drawImage(slices[c], 0, 0, W, H);
            slicesDrawn++;
            g.setGlobalAlpha(1);
            g.setLineWidth(1 / s);
            g.setStroke(p.border());
            g.strokeRect(0, 0, W, H);
            if (k > 0) { // the block's slice for this channel: where it lies on the map now
                g.setFill(alpha(p.accent(), 0.28));
                g.fillRect(blockLeft, blockTop, k, k);
                g.setLineWidth(2.5 / s);
                g.setStroke(p.accent());
                g.strokeRect(blockLeft, blockTop, k, k);
            }
        }
        g.setTransform(new Affine());
        if (k == 0) return;
        // the block's edges through the channels: it reads every channel at once
        g.setStroke(p.accent());
        g.setLineWidth(2);
        double z0 = 0, z1 = (C - 1) * GAP;
        int left = blockLeft, top = blockTop;
        for (int[] corner : new int[][] {{left, top}, {left + k, top}, {left, top + k}, {left + k, top + k}}) {
            Point2D a = toCanvas(corner[0], corner[1], z0), b = toCanvas(corner[0], corner[1], z1);
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    private double depth(int c) { return project(0, 0, c * GAP - cz(), yaw, pitch)[2]; }

    private static Color alpha(Color c, double a) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), a); }
}
