package org.convscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.convscope.engine.ModelFile;
import org.convscope.engine.ModelZoo;
import org.convscope.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12: {@code train --out} checks that the model can be written before it trains (a bad path used to be found
 * after the whole run, and the model was lost), says why it cannot, and never replaces what is not an ordinary file.
 * Every run asks for 1,000 epochs of LeNet-5 on all of MNIST (hours): only a check before training can answer within the time limit.
 */
class TrainOutTest {
    @TempDir Path dir;

    /** Runs train with a hopeless amount of work and --out; it must fail at once, before any epoch. */
    static CliTest.Run failsFast(Path out) {
        long t0 = System.nanoTime();
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run("train", "--model", "lenet5-modern",
                "--epochs", "1000", "--test-limit", "10", "--threads", "1", "--progress", "lines",
                "--out", out.toString()), "train --out " + out + " must fail before training");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(0, r.code(), r.out() + r.err());
        assertTrue(seconds < 10, "answered in " + seconds + " s");
        assertFalse(r.out().contains("epoch"), "no training happened: " + r.out());
        String err = r.err().strip();
        assertFalse(err.isEmpty());
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        return r;
    }

    @Test
    void aMissingFolderThatCannotBeMadeIsFoundBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        CliTest.Run r = failsFast(file.resolve("models").resolve("model.safetensors"));
        assertTrue(r.err().contains("notes.txt is a file, not a folder"), r.err());

        Path readOnly = readOnlyFolder();
        try {
            r = failsFast(readOnly.resolve("no-such-folder").resolve("model.safetensors"));
            assertTrue(r.err().contains("no-such-folder does not exist and cannot be created ("), r.err());
            assertTrue(r.err().contains("permission denied") || r.err().contains("Operation not permitted"), r.err());
        } finally {
            writableAgain();
        }
    }

    @Test
    void aMissingFolderIsMadeBeforeTheDataIsRead() {
        // the folder is made by the check (as the save always did), before anything else can fail: here the data
        Path out = dir.resolve("new").resolve("folder").resolve("model.safetensors");
        CliTest.Run r = CliTest.run("train", "--data-dir", dir.resolve("no-data").toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(Files.isDirectory(out.getParent()), "the folder is there");
        assertFalse(Files.exists(out));
    }

    @Test
    void aFolderAsTargetIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("models"));
        CliTest.Run r = failsFast(folder);
        assertTrue(r.err().contains("is a folder") && r.err().contains("lenet5-modern.safetensors"), r.err());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aFifoIsNeverReplaced() throws Exception {
        Path target = fifoOrDevice();
        CliTest.Run r = failsFast(target);
        assertTrue(r.err().contains("not an ordinary file"), r.err());
        assertTrue(r.err().contains(target.startsWith("/dev") ? "a device" : "a FIFO"), r.err());
        assertTrue(Files.exists(target) && !Files.isRegularFile(target), "still there, still not a regular file");
    }

    @Test
    void aDeviceIsNamedAsSuch() {
        // the check alone (no training, nothing written): /dev/null exists on every Unix
        Path devNull = Path.of("/dev/null");
        assertTrue(Files.exists(devNull));
        String p = OutputFile.problem("--out", devNull, "model.safetensors");
        assertNotNull(p);
        assertTrue(p.contains("/dev/null is a device, not an ordinary file"), p);
    }

    @Test
    void aFolderThatCannotBeWrittenToSaysPermissionDenied() throws IOException {
        Path folder = readOnlyFolder();
        try {
            CliTest.Run r = failsFast(folder.resolve("model.safetensors"));
            assertTrue(r.err().contains("cannot be written to (permission denied)"), r.err());
        } finally {
            writableAgain();
        }
    }

    @Test
    void theWeightFileWriterNeverReplacesAFifoEither() throws Exception {
        Path fifo = fifoOrDevice();
        Network n = Network.create(ModelZoo.softmaxRegression(), 1);
        IOException e = assertThrows(IOException.class, () -> ModelFile.save(fifo, n, Map.of()));
        assertTrue(e.getMessage().contains("not an ordinary file"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
    }

    /** A FIFO made with mkfifo in the temporary folder; /dev/null where there is no mkfifo. */
    Path fifoOrDevice() throws Exception {
        Path fifo = dir.resolve("pipe.safetensors");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
            return fifo;
        } catch (IOException noMkfifo) {
            return Path.of("/dev/null");
        }
    }

    /** A folder that refuses new files: a read-only one, or /sys when running as root (which ignores permissions). */
    Path readOnlyFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (writable(folder)) folder = Path.of("/sys"); // sysfs refuses new files and folders even to root
        assertFalse(writable(folder), folder + " must refuse new files for this test");
        return folder;
    }

    void writableAgain() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("read-only"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
