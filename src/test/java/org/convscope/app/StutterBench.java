package org.convscope.app;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The measurement behind scripts/stutter.sh (issue #12, frames while training): the real app (ConvScopeApp) trains
 * D2L's recipe (the training view's default form) with the training view on screen for a bounded time, then stops.
 * The numbers are the app's own log lines: "UI while training: ... slower than 20 ms ..." every 10 s (the training
 * view's frame meter) and "Training STOPPED: ... images/s in optimizer steps" at the end.
 *
 * <p>Arguments: seconds of training (default 60), training threads (default: the form's, i.e. the cores).
 */
public final class StutterBench {
    private StutterBench() {}

    private static int seconds = 60;
    private static String threads;
    private static volatile Stage stage;

    public static void main(String[] args) {
        if (args.length > 0) seconds = Integer.parseInt(args[0]);
        if (args.length > 1) threads = args[1];
        Application.launch(App.class);
    }

    /** A separate Application class: a main class that extends Application cannot start from the class path. */
    public static final class App extends Application {
        @Override public void start(Stage s) {
            stage = s;
            new ConvScopeApp().start(s);
            Thread.ofPlatform().daemon().name("stutter-bench").start(StutterBench::run);
        }
    }

    private static void run() {
        try {
            Thread.sleep(8_000); // the window, the datasets and the engine warm-up, as a class would wait
            fx(() -> { click("#nav-training"); return null; });
            Thread.sleep(3_000);
            fx(() -> {
                ((TextField) stage.getScene().lookup("#epochs")).setText("100"); // training all the time
                if (threads != null) ((TextField) stage.getScene().lookup("#threads")).setText(threads);
                click("#start");
                return null;
            });
            Thread.sleep(seconds * 1_000L);
            fx(() -> { click("#stop"); return null; });
            Thread.sleep(3_000); // the STOPPED line
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (Throwable t) {
            t.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
    }

    private static void click(String selector) {
        var node = stage.getScene().lookup(selector);
        if (!(node instanceof javafx.scene.control.ButtonBase b)) throw new IllegalStateException("no button " + selector);
        b.fire();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get();
    }
}
