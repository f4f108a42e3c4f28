package org.convscope.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelSpec;

/**
 * Where trained models are written and read: the engine's safetensors weight file (architecture and notes in the
 * header, float32 tensors). An interface so that the training view's tests can count saves without touching the
 * user's disk.
 */
public interface ModelStore {

    /** What a file holds. info: free-form notes (dataset, test accuracy, epochs...). */
    record Saved(ModelSpec spec, List<LayerWeights> weights, Map<String, String> info) {}

    /** Writes atomically (a crash never leaves half a file). */
    void save(Path file, ModelSpec spec, List<LayerWeights> weights, Map<String, String> info) throws IOException;

    /** Reads and checks a file; the exception message says what is wrong with which file. */
    Saved load(Path file) throws IOException;

    /** The engine's safetensors files ({@link ModelFile}): atomic writes, checked reads. */
    static ModelStore safetensors() {
        return new ModelStore() {
            @Override public void save(Path file, ModelSpec spec, List<LayerWeights> weights, Map<String, String> info) throws IOException {
                ModelFile.save(file, spec, weights, info);
            }

            @Override public Saved load(Path file) throws IOException {
                ModelFile.Contents c = ModelFile.load(file);
                return new Saved(c.spec(), c.weights(), c.info());
            }
        };
    }
}
