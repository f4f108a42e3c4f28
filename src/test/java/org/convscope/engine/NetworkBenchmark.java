package org.convscope.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Whole-network numbers: one training step of LeNet-5 modern (batch 256, SGD lr 0.1) on 1 or 2 threads, batched
 * inference of 256 images, and the single-image trace the views call every frame — vector kernels against the scalar
 * reference. Random pixels stand in for MNIST (the cost does not depend on the values). Not run by the build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class NetworkBenchmark {
    static final int BATCH = 256, IMAGES = 4096;

    @Param({"vector", "scalar"})
    public String kernels;

    @Param({"1", "2"})
    public int threads;

    Network net;
    Trainer trainer;
    byte[] images, labels;
    int[] order, predicted;
    float[] one;
    int batch;

    @Setup(Level.Trial)
    public void setUp() {
        Kernels k = kernels.equals("vector") ? Kernels.vector() : Kernels.scalar();
        SplittableRandom r = new SplittableRandom(1);
        images = new byte[IMAGES * 784];
        labels = new byte[IMAGES];
        r.nextBytes(images);
        for (int i = 0; i < IMAGES; i++) labels[i] = (byte) r.nextInt(10);
        order = EngineBench.shuffled(IMAGES, 2);
        predicted = new int[BATCH];
        one = new float[784];
        for (int i = 0; i < 784; i++) one[i] = (images[i] & 0xff) / 255f;
        net = Network.create(ModelZoo.lenetModern(), 42, k);
        trainer = new Trainer(net, new TrainConfig(TrainConfig.Optimizer.SGD, 0.01f, 0f, 0f, BATCH, 1, threads, 42));
    }

    @TearDown(Level.Trial)
    public void tearDown() { trainer.close(); }

    /** One optimizer step on 256 images: divide 256 by the score (in µs) for images per µs. */
    @Benchmark
    public float trainStep() {
        batch = (batch + 1) % (IMAGES / BATCH);
        return trainer.step(images, labels, order, batch * BATCH, BATCH);
    }

    /** Predicted classes of 256 images. */
    @Benchmark
    public int[] inferBatch() {
        trainer.predict(images, 0, BATCH, predicted);
        return predicted;
    }

    /** One image with every layer recorded (threads do not matter: trace runs on the calling thread). */
    @Benchmark
    public Trace trace() { return net.trace(one); }
}
