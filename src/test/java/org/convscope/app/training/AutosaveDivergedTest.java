package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.convscope.engine.LayerWeights;
import org.convscope.engine.ModelFile;
import org.junit.jupiter.api.Test;

/** A diverged snapshot is not autosaved (the last good one stays), so no autosave warning hides the divergence message. */
class AutosaveDivergedTest {
    static LayerWeights layer(float w, float b) {
        return new LayerWeights(0, "dense1", new int[] {1, 1}, new float[] {w}, new float[] {b});
    }

    @Test
    void onlyWeightsAWeightFileAcceptsAreAutosaved() {
        assertTrue(TrainingFiles.savable(List.of(layer(0.5f, -0.1f), layer(ModelFile.MAX_ABS_WEIGHT, 0))));
        assertFalse(TrainingFiles.savable(List.of(layer(0.5f, 0), layer(-1_185_338.9f, 0))));
        assertFalse(TrainingFiles.savable(List.of(layer(0.5f, Float.NaN))));
        assertFalse(TrainingFiles.savable(List.of(layer(Float.POSITIVE_INFINITY, 0))));
    }
}
