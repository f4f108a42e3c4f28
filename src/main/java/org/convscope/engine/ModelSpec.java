package org.convscope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequential model architecture: input shape, layers, and a softmax over the last layer's outputs
 * (softmax + cross-entropy are applied by the engine, they are not a layer here).
 *
 * @param id    stable identifier written into weight files, e.g. "lenet5-modern"
 * @param input input shape, (1, 28, 28) for MNIST
 */
public record ModelSpec(String id, Shape input, List<LayerSpec> layers) {

    /** Largest side of any feature map, padded input included (MNIST's is 28). */
    public static final int MAX_SIDE = 1 << 14;
    /** Most parameters a model may have: 50 million (LeNet-5 has 61,706; the training view's largest design 42.6 M). */
    public static final long MAX_PARAMETERS = 50_000_000L;
    /** Most values one image may produce in all layers together (LeNet-5: 12,000). */
    public static final long MAX_VALUES_PER_IMAGE = 1L << 23;
    /** Most multiply-adds (and comparisons) one forward pass of one image may cost (LeNet-5: about 0.4 million). */
    public static final long MAX_WORK_PER_IMAGE = 2_000_000_000L;
    /** Most bytes of buffers one engine thread may need, for a single image or for a chunk of images (LeNet-5: ~1.5 MB). */
    public static final long MAX_BUFFER_BYTES = 256L << 20;

    /**
     * What a model costs, computed in checked (saturating) 64-bit arithmetic from the layers alone, before anything is
     * allocated: parameters, values per image (all layer outputs), multiply-adds per image, and the bytes of the
     * buffers an engine thread allocates for one image and for a chunk of {@code Trainer.CHUNK} images.
     */
    public record Cost(long parameters, long valuesPerImage, long workPerImage, long bufferBytesOne, long bufferBytesChunk) {}

    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        Shape s = input;
        for (LayerSpec l : layers) s = l.outputShape(s); // throws with a plain message when impossible
        if (!s.isVector()) throw new IllegalArgumentException("the last layer must produce class scores (a vector), got " + s);
        Cost c = costOf(input, layers);
        if (c.parameters() > MAX_PARAMETERS)
            throw new IllegalArgumentException("it has " + grouped(c.parameters()) + " parameters; at most " + grouped(MAX_PARAMETERS) + " are allowed");
        if (c.valuesPerImage() > MAX_VALUES_PER_IMAGE)
            throw new IllegalArgumentException("its layers produce " + grouped(c.valuesPerImage()) + " values per image; at most "
                    + grouped(MAX_VALUES_PER_IMAGE) + " are allowed");
        if (c.workPerImage() > MAX_WORK_PER_IMAGE)
            throw new IllegalArgumentException("one image would cost " + grouped(c.workPerImage()) + " operations; at most "
                    + grouped(MAX_WORK_PER_IMAGE) + " are allowed (it would take hours)");
        long buffers = Math.max(c.bufferBytesOne(), c.bufferBytesChunk());
        if (buffers > MAX_BUFFER_BYTES)
            throw new IllegalArgumentException("its buffers would need " + (buffers >> 20) + " MB per engine thread; at most "
                    + (MAX_BUFFER_BYTES >> 20) + " MB are allowed");
    }

    /** The model's cost, see {@link Cost}. */
    public Cost cost() { return costOf(input, layers); }

    /** Images per chunk of a training thread (Trainer.CHUNK). */
    static final int CHUNK_IMAGES = 16;

    /**
     * Mirrors what {@code LayerOp} and {@code Workspace} allocate, as an upper bound, in saturating long arithmetic
     * (the shapes have passed {@link LayerSpec#outputShape}, so every side is at most {@link #MAX_SIDE}).
     */
    private static Cost costOf(Shape input, List<LayerSpec> layers) {
        long params = 0, values = vol(input), work = 0;
        long one = values, chunk = mul(values, CHUNK_IMAGES);   // floats: input buffer
        long scratchOne = 0, scratchChunk = 0;
        Shape s = input;
        for (LayerSpec l : layers) {
            Shape o = l.outputShape(s);
            long in = vol(s), out = vol(o);
            values = add(values, out);
            one = add(one, mul(2, out));                      // output and its gradient
            chunk = add(chunk, mul(2 * CHUNK_IMAGES, out));
            switch (l) {
                case LayerSpec.Conv c -> {
                    long kk = mul(s.c(), mul(c.kernel(), c.kernel()));
                    long plane = mul(o.h(), o.w());
                    long padded = mul(s.c(), mul(s.h() + 2L * c.padding(), s.w() + 2L * c.padding()));
                    params = add(params, add(mul(c.outChannels(), kk), c.outChannels()));
                    work = add(work, mul(mul(c.outChannels(), kk), plane));
                    one = add(one, padded);                   // aux: the padded input
                    chunk = add(chunk, mul(padded, CHUNK_IMAGES));
                    long wide = plane + 15, wideCols = mul(o.h(), s.w() + 2L * c.padding()) + 15;
                    scratchOne = Math.max(scratchOne, Math.max(mul(c.outChannels(), wideCols),
                            add(mul(kk, wide), mul(c.outChannels(), wide))));
                }
                case LayerSpec.Pool p -> work = add(work, mul(out, mul(p.window(), p.window())));
                case LayerSpec.Act a -> work = add(work, out);
                case LayerSpec.Flatten f -> work = add(work, out);
                case LayerSpec.Dense d -> {
                    params = add(params, add(mul(in, d.outputs()), d.outputs()));
                    work = add(work, mul(in, d.outputs()));
                    scratchOne = Math.max(scratchOne, in);
                    scratchChunk = Math.max(scratchChunk, mul(in, CHUNK_IMAGES));
                }
            }
            s = o;
        }
        return new Cost(params, values, work, mul(4, add(one, scratchOne)), mul(4, add(chunk, scratchChunk)));
    }

    private static long vol(Shape s) { return mul(s.c(), mul(s.h(), s.w())); }

    /** a·b for non-negative a, b, saturating at Long.MAX_VALUE instead of wrapping around. */
    private static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static String grouped(long n) { return String.format(java.util.Locale.ROOT, "%,d", n); }

    /** shapes().get(i) is the output shape of layer i. */
    public List<Shape> shapes() {
        List<Shape> out = new ArrayList<>(layers.size());
        Shape s = input;
        for (LayerSpec l : layers) { s = l.outputShape(s); out.add(s); }
        return List.copyOf(out);
    }

    /** The input shape of layer i. */
    public Shape inputShapeOf(int i) { return i == 0 ? input : shapes().get(i - 1); }

    public int classes() { return shapes().getLast().c(); }

    public long parameterCount() {
        long total = 0;
        Shape s = input;
        for (LayerSpec l : layers) { total += l.parameterCount(s); s = l.outputShape(s); }
        return total;
    }
}
