package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.convscope.app.collect.CollectedSet;
import org.convscope.app.collect.SetFiles;
import org.convscope.app.collect.Stroke;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convscope train / eval --data-dir read a set saved by the collect view. */
class HandwritingSetCliTest {
    @TempDir Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void trainAndEvalOnASavedSet() throws Exception {
        var set = new CollectedSet();
        for (int c = 0; c < 10; c++) {
            for (int i = 0; i < 5; i++) {
                float x = 120 + 20 * c, y = 60 + 8 * i;
                var strokes = List.of(new Stroke(30, false, new float[] {x, y, 448 - x, 300 + 10 * i}));
                set.add(c, Stroke.mnistBytes(Stroke.replay(strokes).view()), strokes, "test");
            }
        }
        SetFiles.saveIdx(set.data(), dir);
        Path model = dir.resolve("m.safetensors");
        String[] t = run("train", "--data-dir", dir.toString(), "--model", "softmax-regression", "--epochs", "2", "--batch", "8",
                "--progress", "none", "--threads", "1", "--out", model.toString());
        assertEquals("0", t[0], t[1] + t[2]);
        assertTrue(t[1].contains("40 training images, 10 test images"), t[1]);
        String[] e = run("eval", model.toString(), "--data-dir", dir.toString(), "--threads", "1");
        assertEquals("0", e[0], e[1] + e[2]);
        assertTrue(e[1].contains("10 images"), e[1]);
    }
}
