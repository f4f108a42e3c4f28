package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringWriter;

import org.convscope.app.training.ModelDesign.Family;
import org.junit.jupiter.api.Test;

class CurvesCsvTest {

    @Test
    void oneRowPerLossAndAccuracyWithEpochPositions() throws IOException {
        var s = AutosaveTest.midRun(ModelDesign.of(Family.SOFTMAX).build().spec());
        StringWriter w = new StringWriter();
        CurvesCsv.writeHeader(w);
        CurvesCsv.writeRun(w, "softmax,regression", s);
        String[] lines = w.toString().lines().toArray(String[]::new);
        assertEquals(CurvesCsv.HEADER, lines[0]);
        assertEquals(1 + 10 + 4 + 2, lines.length, "10 losses, 4 test points, 2 train points");
        assertEquals("softmax regression,train_loss,1,0.250000,2.300000", lines[1]);
        assertEquals("softmax regression,train_loss,2,1.250000,0.900000", lines[5]);
        assertEquals("softmax regression,train_loss,3,2.500000,0.580000", lines[10]);
        assertEquals("softmax regression,test_accuracy_sample,1,0.500000,0.600000", lines[11]);
        assertEquals("softmax regression,test_accuracy,2,2.000000,0.790000", lines[13]);
        assertEquals("softmax regression,test_accuracy_sample,3,2.500000,0.810000", lines[14]);
        assertEquals("softmax regression,train_accuracy,1,1.000000,0.700000", lines[15]);
    }
}
