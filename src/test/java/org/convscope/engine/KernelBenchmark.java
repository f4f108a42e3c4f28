package org.convscope.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Every kernel on LeNet-5's shapes, the vector implementation against the scalar reference ({@code kernels}
 * parameter). Batch kernels run one chunk of 16 images ([C][H][W][16]); single-image kernels one image (the trace
 * path). Not run by {@code ./mvnw verify}; see README "Engine benchmarks" for the command. Scores are µs per call:
 * divide by 16 for per-image numbers of the batch kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class KernelBenchmark {
    static final int N = Trainer.CHUNK;
    static final int[] TAPS1 = Kernels.taps(1, 32, 32, 5), TAPS2 = Kernels.taps(6, 14, 14, 5);

    @Param({"vector", "scalar"})
    public String kernels;

    Kernels k;
    // conv1: 1x32x32 padded input -> 6x28x28; pool1: 6x28x28 -> 6x14x14; conv2: 6x14x14 -> 16x10x10
    float[] x1, y1, dy1, p1, x2, y2, dy2, dx2, p2, g1, g2, pool1, dpool1, dx1, dense, denseOut, dDense, dDenseIn, wide1, wide2;

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n + 64]; // slack, as the engine's buffers have
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextDouble() - 0.5);
        return a;
    }

    @Setup
    public void setUp() {
        k = kernels.equals("vector") ? Kernels.vector() : Kernels.scalar();
        x1 = random(32 * 32 * N, 1);
        p1 = random(6 * 25 + 6, 2);
        y1 = random(6 * 784 * N, 3);
        dy1 = random(6 * 784 * N, 4);
        g1 = random(6 * 25 + 6, 5);
        x2 = random(6 * 196 * N, 6);
        p2 = random(16 * 150 + 16, 7);
        y2 = random(16 * 100 * N, 8);
        dy2 = random(16 * 100 * N, 9);
        dx2 = random(6 * 196 * N, 10);
        g2 = random(16 * 150 + 16, 11);
        pool1 = random(6 * 196 * N, 12);
        dpool1 = random(6 * 196 * N, 13);
        dx1 = random(6 * 784 * N, 14);
        dense = random(120 * 400 + 120, 15);
        denseOut = random(120 * N, 16);
        dDense = random(120 * 400 + 120, 17);
        dDenseIn = random(400 * N, 18);
        wide1 = random(6 * 896, 19);
        wide2 = random(16 * 144, 20);
    }

    // ---- batch kernels (training, batched inference): one chunk of 16 images

    @Benchmark public void conv1Forward() { k.convLanes(x1, 1, 32, 32, p1, 0, 150, 6, 5, 1, y1, 28, 28, N, TAPS1); }

    @Benchmark public void conv1WeightGrad() { k.convLanesWeightGrad(x1, 1, 32, 32, dy1, 6, 5, 1, 28, 28, N, g1, 0, 150); }

    @Benchmark public void conv2Forward() { k.convLanes(x2, 6, 14, 14, p2, 0, 2400, 16, 5, 1, y2, 10, 10, N, TAPS2); }

    @Benchmark public void conv2WeightGrad() { k.convLanesWeightGrad(x2, 6, 14, 14, dy2, 16, 5, 1, 10, 10, N, g2, 0, 2400); }

    @Benchmark public void conv2InputGrad() { k.convLanesInputGrad(p2, 0, dy2, 16, 5, 1, 10, 10, N, dx2, 6, 14, 14); }

    @Benchmark public void maxPool1Forward() { k.poolLanes(PoolKind.MAX, y1, pool1, 6, 28, 28, 2, 2, N); }

    @Benchmark public void maxPool1Backward() { k.poolLanesBackward(PoolKind.MAX, y1, pool1, dpool1, dx1, 6, 28, 28, 2, 2, N); }

    @Benchmark public void relu1ForwardBackward() {
        k.activate(Activation.RELU, y1, dx1, 6 * 784 * N);
        k.activateBackward(Activation.RELU, dx1, dy1, dx1, 6 * 784 * N);
    }

    @Benchmark public void sigmoid1Forward() { k.activate(Activation.SIGMOID, y1, dx1, 6 * 784 * N); }

    /** dense1 forward: Y (120, 16) = W (120, 400) · X (400, 16) + b. */
    @Benchmark public void dense1Forward() { k.gemm(120, N, 400, dense, 0, 400, 1, dDenseIn, 0, N, denseOut, 0, N, dense, 48_000, false); }

    /** dense1 weight gradient: dW (120, 400) += dY (120, 16) · Xᵀ (16, 400). */
    @Benchmark public void dense1WeightGrad() { k.gemm(120, 400, N, denseOut, 0, N, 1, dDenseIn, 0, 400, dDense, 0, 400, null, 0, true); }

    @Benchmark public void sgdStep() { k.sgd(dense, dDense, null, 0, 48_120, 0.01f, 0f, 0f); }

    // ---- single-image kernels (Network.trace)

    @Benchmark public void conv1WideOneImage() { k.convWide(x1, 1, 32, 32, p1, 0, 150, 6, 5, wide1, 896, TAPS1); }

    @Benchmark public void conv2WideOneImage() { k.convWide(x2, 6, 14, 14, p2, 0, 2400, 16, 5, wide2, 144, TAPS2); }

    @Benchmark public void dense1OneImage() { k.gemmNT(120, 1, 400, dense, 0, 400, dDenseIn, 0, 400, denseOut, 0, 1, null, 0, false); }

    @Benchmark public void maxPool1OneImage() { k.pool(PoolKind.MAX, y1, pool1, 6, 28, 28, 2, 2); }
}
