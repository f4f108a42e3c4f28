package org.convscope;

import javafx.application.Application;
import org.convscope.app.ConvScopeApp;
import org.convscope.app.GraphicsChoice;
import org.convscope.app.StartupClock;
import org.convscope.cli.Cli;

/**
 * Entry point: no arguments start the desktop app; arguments are a command line
 * ({@code convscope train ...}, {@code eval}, {@code bench}, {@code selfcheck}; see {@link Cli}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            StartupClock.mark("main");
            GraphicsChoice.apply(); // before the toolkit starts: it reads prism.order once (logged with the startup line)
            Application.launch(ConvScopeApp.class);
            return;
        }
        System.exit(Cli.run(args));
    }
}
