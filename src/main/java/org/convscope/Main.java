package org.convscope;

import javafx.application.Application;
import org.convscope.app.ConvScopeApp;
import org.convscope.app.SelfCheck;

/** Entry point: no arguments start the desktop app; arguments are commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ConvScopeApp.class);
            return;
        }
        // ---- CLI hook: subcommands are routed here (the CLI person replaces this block with picocli). ----
        if (args[0].equals("selfcheck")) {
            System.exit(SelfCheck.run());
        }
        System.err.println("Unknown command: " + String.join(" ", args) + ". Run without arguments to start the app, "
                + "or 'selfcheck' to check the installation.");
        System.exit(2);
    }
}
