package org.convscope.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes what an independent implementation needs to repeat TrainerTest.mnistLossFallsBelowRecordedValues: the
 * initial weights (initial.safetensors, LeNet-5 modern, seed 42, PyTorch's state-dict names and layouts) and the
 * order in which the first 1,920 MNIST training images are used (order.txt, batches of 64 in sequence). Run by
 * tools/djl-reference/run.sh; argument: the output folder.
 */
public final class ReferenceRunExport {
    private ReferenceRunExport() {}

    static final int IMAGES = 1920, SEED = 42;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Network net = Network.create(ModelZoo.lenetModern(), SEED, Kernels.vector());
        ModelFile.save(dir.resolve("initial.safetensors"), net, Map.of("purpose", "initial weights of TrainerTest's loss regression run"));
        int[] order = EngineBench.shuffled(IMAGES, SEED);
        Files.writeString(dir.resolve("order.txt"), IntStream.of(order).mapToObj(Integer::toString).collect(Collectors.joining("\n")) + "\n");
        System.out.println("wrote " + dir.resolve("initial.safetensors") + " and " + dir.resolve("order.txt"));
    }
}
