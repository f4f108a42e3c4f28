package org.convscope.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * The soak run behind scripts/soak.sh (issue #12): the real app (ConvScopeApp), training D2L's recipe in the training
 * view while the views with animations are shown in turn, for a bounded time. Every sample it forces a GC and
 * records the live heap, the resident set (VmRSS, VmHWM) and the frame intervals since the last sample. At the end
 * it prints one verdict line (samples of the first minute, while the datasets load, left out when at least three
 * remain): PASS when the live heap of the last third is not above the first third's by more
 * than 10 % + 8 MB and the share of frames slower than 20 ms in the last third is not above the first third's by
 * more than 1.5× + 2 points; the exit code is 0 for PASS, 1 for FAIL.
 *
 * <p>Arguments: minutes (default 30), seconds between samples (default 30).
 */
public final class Soak {
    private Soak() {}

    private static double minutes = 30;
    private static javafx.scene.control.Button startButton;
    private static int runs;
    private static int sampleSeconds = 30;
    private static volatile Stage stage;
    /** Frame intervals in nanoseconds since the last sample (FX thread writes, sampler swaps under the lock). */
    private static final Object FRAMES = new Object();
    private static List<Long> intervals = new ArrayList<>();

    public static void main(String[] args) {
        if (args.length > 0) minutes = Double.parseDouble(args[0]);
        if (args.length > 1) sampleSeconds = Integer.parseInt(args[1]);
        Application.launch(App.class);
    }

    /** A separate Application class: a main class that extends Application cannot start from the class path. */
    public static final class App extends Application {
        @Override public void start(Stage s) {
            stage = s;
            new ConvScopeApp().start(s);
            new AnimationTimer() {
                long last;
                @Override public void handle(long now) {
                    if (last != 0) synchronized (FRAMES) { intervals.add(now - last); }
                    last = now;
                }
            }.start();
            Thread.ofPlatform().daemon().name("soak").start(Soak::run);
        }
    }

    record Sample(double minute, long liveMb, long rssMb, long hwmMb, int frames, double slowShare, double p99Ms) {}

    private static void run() {
        try {
            sleep(8);
            fx(() -> { click("#nav-training"); return null; });
            sleep(3);
            fx(() -> {
                TextField epochs = (TextField) scene().lookup("#epochs");
                epochs.setText("100");
                startButton = (javafx.scene.control.Button) scene().lookup("#start"); // kept: fired again when a run ends
                startButton.fire();
                return null;
            });
            String[] tour = {"training", "network", "kernel", "pooling", "activation", "draw", "training"};
            long start = System.nanoTime(), end = start + (long) (minutes * 60e9);
            List<Sample> samples = new ArrayList<>();
            int step = 0;
            System.out.println("soak: " + minutes + " min, a sample every " + sampleSeconds + " s; minute live-heap-MB rss-MB peak-rss-MB frames slow>20ms p99-ms");
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + sampleSeconds * 1_000_000_000L;
                // show the next view half-way through the sample, so every sample sees animation
                sleepNanos((next - System.nanoTime()) / 2);
                String view = tour[step++ % tour.length];
                fx(() -> {
                    // training all the time: 100 epochs of D2L's recipe take under 2 minutes on a quiet machine
                    if (!startButton.isDisabled()) { startButton.fire(); runs++; }
                    click("#nav-" + view);
                    return null;
                });
                sleepNanos(next - System.nanoTime());
                Sample s = sample((System.nanoTime() - start) / 60e9);
                samples.add(s);
                System.out.printf(Locale.ROOT, "soak: %6.2f %5d %5d %5d %6d %6.2f%% %6.1f%n", s.minute(), s.liveMb(), s.rssMb(), s.hwmMb(),
                        s.frames(), 100 * s.slowShare(), s.p99Ms());
            }
            System.out.println("soak: " + runs + " training run(s) after the first");
            int code = verdict(samples);
            System.out.flush();
            Runtime.getRuntime().halt(code); // no shutdown dance: training threads and FX are torn down with the process
        } catch (Throwable t) {
            t.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
    }

    private static int verdict(List<Sample> samples) {
        if (samples.size() < 3) {
            System.out.println("SOAK FAIL: only " + samples.size() + " samples; run longer");
            return 1;
        }
        // the first minute loads the datasets and fills the charts' first points: not a leak, left out when there is more
        List<Sample> settled = samples.stream().filter(x -> x.minute() >= 1.0).toList();
        if (settled.size() >= 3) samples = settled;
        int third = Math.max(1, samples.size() / 3);
        List<Sample> first = samples.subList(0, third), last = samples.subList(samples.size() - third, samples.size());
        double liveFirst = first.stream().mapToLong(Sample::liveMb).average().orElse(0);
        double liveLast = last.stream().mapToLong(Sample::liveMb).average().orElse(0);
        double slowFirst = first.stream().mapToDouble(Sample::slowShare).average().orElse(0);
        double slowLast = last.stream().mapToDouble(Sample::slowShare).average().orElse(0);
        long hwm = samples.stream().mapToLong(Sample::hwmMb).max().orElse(0);
        boolean heapOk = liveLast <= liveFirst * 1.10 + 8;
        boolean framesOk = slowLast <= slowFirst * 1.5 + 0.02;
        System.out.printf(Locale.ROOT, "SOAK %s: live heap %.0f -> %.0f MB (%s), slow frames %.2f%% -> %.2f%% (%s), peak RSS %d MB%n",
                heapOk && framesOk ? "PASS" : "FAIL", liveFirst, liveLast, heapOk ? "no growth" : "GROWS",
                100 * slowFirst, 100 * slowLast, framesOk ? "no slower" : "SLOWER", hwm);
        return heapOk && framesOk ? 0 : 1;
    }

    private static Sample sample(double minute) throws Exception {
        List<Long> frames;
        synchronized (FRAMES) { frames = intervals; intervals = new ArrayList<>(); }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long rss = 0, hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) rss = kb(line) >> 10;
            if (line.startsWith("VmHWM:")) hwm = kb(line) >> 10;
        }
        long[] f = frames.stream().mapToLong(Long::longValue).sorted().toArray();
        long slow = java.util.Arrays.stream(f).filter(v -> v > 20_000_000L).count();
        double p99 = f.length == 0 ? 0 : f[Math.min(f.length - 1, (int) (f.length * 0.99))] / 1e6;
        return new Sample(minute, live, rss, hwm, f.length, f.length == 0 ? 0 : (double) slow / f.length, p99);
    }

    private static long kb(String line) { return Long.parseLong(line.replaceAll("[^0-9]", "")); }

    private static Scene scene() { return stage.getScene(); }

    private static void click(String selector) {
        var node = scene().lookup(selector);
        if (!(node instanceof javafx.scene.control.ButtonBase b)) throw new IllegalStateException("no button " + selector);
        b.fire();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get();
    }

    private static void sleep(double seconds) throws InterruptedException { Thread.sleep((long) (seconds * 1000)); }

    private static void sleepNanos(long nanos) throws InterruptedException { if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)); }

}
