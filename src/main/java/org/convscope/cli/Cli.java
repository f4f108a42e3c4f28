package org.convscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code convscope <subcommand>}: the command line for self-study and reproducible runs.
 * Exit codes: 0 done, 1 the work failed (diverged, unreadable file ...), 2 the command itself is wrong.
 */
public final class Cli {
    private Cli() {}

    public static final int OK = 0, FAILED = 1, USAGE = 2;

    @Command(name = "convscope", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
            description = {"Watch a convolutional neural network work.",
                    "Without arguments ConvScope starts the desktop app; with a command it works on the command line."},
            subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class, SelfCheckCommand.class,
                    CommandLine.HelpCommand.class})
    static final class Root implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
    }

    /** Runs a command line with standard output and error (UTF-8); returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("convscope: not enough memory for this work (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB of heap); use a smaller model, batch or --limit, or give Java more memory (-Xmx).");
            code = FAILED;
        }
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root());
        cl.setOut(out).setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageProblem ? USAGE : FAILED);
        // A wrong option: the message and where to look, not the whole usage text (train has 15 options).
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' to see the options.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageProblem) {
                c.getErr().println(ex.getMessage());
                c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' to see the options.");
                return USAGE;
            }
            if (ex instanceof Failure) {
                c.getErr().println(ex.getMessage());
                return FAILED;
            }
            // Anything else is a bug or an exhausted machine: one line for the user, the trace only on request.
            c.getErr().println("convscope failed: " + oneLine(ex) + " (set CONVSCOPE_DEBUG=1 for the details, and please report it)");
            if (System.getenv("CONVSCOPE_DEBUG") != null) ex.printStackTrace(c.getErr());
            return FAILED;
        });
        return cl;
    }

    /** The user asked for something impossible (bad value, unknown model ...): exit code 2 with this message. */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) { super(message); }
    }

    /** The work failed for a reason the user can act on (message says what and what to do): exit code 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) { super(message); }
        Failure(String message, Throwable cause) { super(message, cause); }
    }

    /** ConvScope's version: the module version when packaged, else the implementation version, else "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"ConvScope " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                    "Vector API: " + vectorShape()};
        }
    }

    static String version() {
        var d = Cli.class.getModule().getDescriptor();
        if (d != null && d.version().isPresent()) return d.version().get().toString();
        String v = Cli.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    static String vectorShape() {
        try {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit float vectors";
        } catch (Throwable t) {
            return "unavailable (" + t.getClass().getSimpleName() + ")";
        }
    }

    /** An exception as one line: its message (first line) or, without one, its simple class name. */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static String fmt(String pattern, Object... args) { return String.format(Locale.ROOT, pattern, args); }
}
