package org.convscope.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code convscope selfcheck}: the packaged app's installation check (starts headless, loads the data, exits). */
@Command(name = "selfcheck", description = "Check the installation: start the app headless, load the bundled data, exit 0 when all is well.")
final class SelfCheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return org.convscope.app.SelfCheck.run();
    }
}
