package org.convscope.app.common;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * Records an animation as a GIF without blocking the FX thread: frames are rendered on the FX thread in small
 * chunks (at most ~15 ms per pulse, each chunk re-scheduled with Platform.runLater so input and repaint stay
 * live), handed through a short queue to one background task that reduces colours and writes the file
 * ({@link AnimatedGif}). When the encoder falls behind, rendering waits for room in the queue instead of piling up
 * frames in memory. Progress (0..1, frames written / frames) is published to the FX thread, coalesced.
 *
 * <p>Start on the FX thread: {@code GifRecording.start(frames, file, services.background())}.
 */
public final class GifRecording {

    /** What to record. render(i) runs on the FX thread (draw into an off-screen canvas and snapshot it). */
    public interface Frames {
        int count();
        Image render(int index);
        int delayMillis(int index);
    }

    private static final long CHUNK_NANOS = 15_000_000;
    private static final Object END = new Object();

    private final Frames frames;
    private final int count;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(6);
    private final AtomicBoolean needsRoom = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final CompletableFuture<Path> result = new CompletableFuture<>();
    private int next; // FX thread only

    private GifRecording(Frames frames) {
        this.frames = frames;
        this.count = frames.count();
    }

    /** Starts recording all frames into file (loops forever). Call on the FX thread. */
    public static GifRecording start(Frames frames, Path file, Executor background) {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("start a GIF recording on the FX thread");
        GifRecording r = new GifRecording(frames);
        if (r.count < 1) {
            r.result.completeExceptionally(new IllegalArgumentException("nothing to record: the animation has no frames"));
            return r;
        }
        background.execute(() -> r.encode(file));
        r.renderChunk();
        return r;
    }

    /** 0..1: frames written to the file / frames. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** Completes with the file once it is closed, or exceptionally (an I/O error, cancellation). */
    public CompletableFuture<Path> result() { return result; }

    public int frameCount() { return count; }

    /** Stops rendering and writing; the partly written file is deleted. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            queue.clear();
            queue.offer(END); // wakes the encoder
        }
    }

    private void renderChunk() {
        if (cancelled.get() || result.isDone()) return;
        long t0 = System.nanoTime();
        try {
            while (next < count && queue.remainingCapacity() > 0 && System.nanoTime() - t0 < CHUNK_NANOS) {
                Image fx = frames.render(next);
                BufferedImage img = SwingFXUtils.fromFXImage(fx, null);
                queue.put(new Frame(img, frames.delayMillis(next)));
                next++;
            }
        } catch (RuntimeException | InterruptedException e) {
            cancelled.set(true);
            queue.clear();
            queue.offer(END);
            result.completeExceptionally(e);
            return;
        }
        if (next == count) { offerEnd(); return; }
        if (queue.remainingCapacity() > 0) Platform.runLater(this::renderChunk);
        else { needsRoom.set(true); recheckRoom(); }
    }

    /** All frames are queued: queue the end marker, or wait for room. */
    private void offerEnd() {
        if (!queue.offer(END)) { needsRoom.set(true); recheckRoom(); }
    }

    /** The encoder may have taken a frame between our capacity check and setting needsRoom: look again. */
    private void recheckRoom() {
        if (queue.remainingCapacity() > 0 && needsRoom.compareAndSet(true, false)) Platform.runLater(this::resume);
    }

    private void resume() {
        if (cancelled.get()) return;
        if (next == count) offerEnd(); else renderChunk();
    }

    private record Frame(BufferedImage image, int delay) {}

    private void encode(Path file) {
        try (AnimatedGif gif = AnimatedGif.create(file, true)) {
            while (true) {
                Object o = queue.take();
                if (needsRoom.compareAndSet(true, false)) Platform.runLater(this::resume);
                if (o == END) break;
                if (cancelled.get()) break;
                Frame f = (Frame) o;
                gif.add(f.image(), f.delay());
                written.incrementAndGet();
                publishProgress();
            }
        } catch (Exception e) {
            cancelled.set(true);
            deleteQuietly(file);
            result.completeExceptionally(e);
            return;
        }
        if (cancelled.get()) {
            deleteQuietly(file);
            result.completeExceptionally(new java.util.concurrent.CancellationException("GIF export cancelled"));
        } else {
            publishProgress();
            result.complete(file);
        }
    }

    private void publishProgress() {
        if (progressQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                progressQueued.set(false);
                progress.set(written.get() / (double) count);
            });
        }
    }

    private static void deleteQuietly(Path file) {
        try { java.nio.file.Files.deleteIfExists(file); } catch (java.io.IOException ignored) { /* nothing more to do */ }
    }
}
