// The training losses of TrainerTest.mnistLossFallsBelowRecordedValues computed by PyTorch 2.7.1 through DJL 0.36
// (the peer in ../shared/peers/djl): the same LeNet-5 (ReLU, max pooling), the same initial weights (read from the
// safetensors file ConvScope wrote), the same 30 batches of 64 images in the same order, SGD lr 0.1, mean
// softmax cross-entropy. Prints one loss per line. Run by tools/djl-reference/run.sh (java ReferenceLosses.java with
// the peer's jars on the class path). Nothing of ConvScope's engine is used here.
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

public class ReferenceLosses {
    static final int STEPS = 30, BATCH = 64, IMAGES = 1920;
    static final float LR = 0.1f;

    public static void main(String[] args) throws Exception {
        Path weights = Path.of(args[0]), order = Path.of(args[1]), images = Path.of(args[2]), labels = Path.of(args[3]);
        byte[] px = idx(images, 0x803, IMAGES * 784), lab = idx(labels, 0x801, IMAGES);
        int[] idx = Files.readAllLines(order).stream().filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();

        // safetensors: u64 header length, JSON header, little-endian float32 data
        byte[] file = Files.readAllBytes(weights);
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonObject header = JsonParser.parseString(new String(file, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
        String[] names = {"0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias", "11.weight", "11.bias"};

        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(6).build())
                .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
                .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(120).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(84).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
        try (Model model = Model.newInstance("lenet5-modern", "PyTorch")) {
            model.setBlock(net);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(LR)).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(BATCH, 1, 28, 28));
                var params = net.getParameters();
                if (params.size() != names.length) throw new IllegalStateException(params.size() + " parameters");
                for (int i = 0; i < names.length; i++) {
                    Parameter p = params.get(i).getValue();
                    JsonObject t = header.getAsJsonObject(names[i]);
                    long begin = t.getAsJsonArray("data_offsets").get(0).getAsLong(), end = t.getAsJsonArray("data_offsets").get(1).getAsLong();
                    float[] v = new float[(int) ((end - begin) / 4)];
                    ByteBuffer.wrap(file, (int) (8 + n + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    NDArray a = p.getArray();
                    if (a.size() != v.length) throw new IllegalStateException(names[i] + ": " + a.getShape() + " vs " + v.length + " values");
                    a.set(FloatBuffer.wrap(v));
                }
                NDManager base = model.getNDManager();
                for (int s = 0; s < STEPS; s++) {
                    float[] x = new float[BATCH * 784], y = new float[BATCH];
                    for (int b = 0; b < BATCH; b++) {
                        int img = idx[s * BATCH + b];
                        for (int q = 0; q < 784; q++) x[b * 784 + q] = (px[img * 784 + q] & 0xff) / 255f;
                        y[b] = lab[img];
                    }
                    try (NDManager sub = base.newSubManager()) {
                        NDArray xs = sub.create(x, new Shape(BATCH, 1, 28, 28)), ys = sub.create(y, new Shape(BATCH));
                        float loss;
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray pred = trainer.forward(new NDList(xs)).singletonOrThrow();
                            NDArray l = trainer.getLoss().evaluate(new NDList(ys), new NDList(pred));
                            gc.backward(l);
                            loss = l.getFloat();
                        }
                        trainer.step();
                        System.out.println(String.format(Locale.ROOT, "%.6f", loss));
                    }
                }
            }
        }
    }

    static byte[] idx(Path gz, int magic, int bytes) throws Exception {
        try (InputStream raw = Files.newInputStream(gz); DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            if (in.readInt() != magic) throw new IllegalStateException(gz + " is not IDX");
            in.readInt();
            for (int d = 0; d < (magic & 0xff) - 1; d++) in.readInt();
            byte[] out = new byte[bytes];
            in.readFully(out);
            return out;
        }
    }
}
