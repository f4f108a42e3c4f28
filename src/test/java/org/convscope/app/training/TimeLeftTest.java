package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time-left estimate is only shown once it means something (the first ETA of a 44 s run said 57 minutes). */
class TimeLeftTest {

    @Test
    void notInTheFirstSecondsNorBeforeFivePercent() {
        assertFalse(TrainingText.timeLeftMeaningful(0.001, 0.5), "the very start: data, JIT, first batches");
        assertFalse(TrainingText.timeLeftMeaningful(0.04, 20), "4 % done, however long it took");
        assertFalse(TrainingText.timeLeftMeaningful(0.5, 2.9), "half done in under 3 s: a fast run needs no estimate yet");
        assertTrue(TrainingText.timeLeftMeaningful(0.05, 3), "from 5 % and 3 s on");
        assertTrue(TrainingText.timeLeftMeaningful(0.6, 30));
        assertFalse(TrainingText.timeLeftMeaningful(Double.NaN, 10));
    }

    @Test
    void theThresholdsAreTheDocumentedOnes() {
        assertTrue(TrainingText.TIME_LEFT_MIN_FRACTION == 0.05 && TrainingText.TIME_LEFT_MIN_SECONDS == 3);
    }
}
