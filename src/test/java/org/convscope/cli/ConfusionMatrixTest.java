package org.convscope.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConfusionMatrixTest {

    @Test
    void countsAccuracyAndTable() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        cm.add(0, 0); cm.add(0, 0); cm.add(0, 1);
        cm.add(1, 1);
        cm.add(2, 0); cm.add(2, 0); cm.add(2, 2);
        assertEquals(7, cm.total());
        assertEquals(4, cm.correct());
        assertEquals(4 / 7.0, cm.accuracy(), 1e-12);
        assertEquals(2 / 3.0, cm.classAccuracy(0), 1e-12);
        assertEquals(1.0, cm.classAccuracy(1), 1e-12);
        String table = cm.table(List.of("cat", "dog", "bird"));
        String[] lines = table.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("true \\ predicted") && lines[0].trim().endsWith("acc"), table);
        assertTrue(lines[3].startsWith("2 bird") && lines[3].matches(".*\\s2\\s+0\\s+1\\s+0\\.333$"), lines[3]);
        assertEquals(List.of("bird taken for cat: 2", "cat taken for dog: 1"), cm.worstConfusions(List.of("cat", "dog", "bird"), 5));
        assertThrows(IllegalArgumentException.class, () -> cm.add(3, 0));
        assertTrue(Double.isNaN(new ConfusionMatrix(2).accuracy()));
    }

    @Test
    void fromTheEnginesEvaluation() {
        var e = new org.convscope.engine.Evaluation(5, 0.6, 1.0, new int[][] {{2, 1}, {1, 1}});
        ConfusionMatrix cm = ConfusionMatrix.of(e);
        assertEquals(5, cm.total());
        assertEquals(1, cm.count(0, 1));
        assertEquals(0.6, cm.accuracy(), 1e-12);
    }

    @Test
    void progressFormatting() {
        assertEquals("1:23", ProgressLine.duration(83));
        assertEquals("1:02:05", ProgressLine.duration(3725));
        assertEquals("-:--", ProgressLine.duration(Double.NaN));
        assertEquals("12,346", ProgressLine.thousands(12345.6));
    }

    @Test
    void barRedrawsInPlaceAndLinesDoNot() {
        var sw = new java.io.StringWriter();
        ProgressLine bar = new ProgressLine(new java.io.PrintWriter(sw), ProgressLine.Mode.BAR, 2, 4);
        bar.batchDone(1, 4, 0.5, 1000, 0.25);
        String s = sw.toString();
        assertTrue(s.startsWith("\repoch 1/2 [========================] 4/4  loss 0.5000  1,000 img/s  ETA 0:02"), s);
        assertFalse(s.contains("\n"));
        var lw = new java.io.StringWriter();
        ProgressLine lines = new ProgressLine(new java.io.PrintWriter(lw), ProgressLine.Mode.LINES, 1, 8);
        for (int b = 1; b <= 8; b++) lines.batchDone(1, b, 1.0, 100, 0.1);
        assertEquals(3, lw.toString().split("\n").length, "a line after batches 2, 4 and 6: " + lw);
        assertFalse(lw.toString().contains("\r"));
    }
}
