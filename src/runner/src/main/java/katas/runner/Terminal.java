package katas.runner;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The learner's terminal in watch mode: redraws the whole screen each time, and reads single key
 * presses by switching the terminal to raw mode with {@code stty} (restored on close, and by a
 * shutdown hook if the JVM is stopped). Where that is not possible (Windows, or output that is not a
 * terminal), screens are printed one after another and keys are read a line at a time.
 */
final class Terminal implements AutoCloseable {

    private static final String CLEAR = "\033[H\033[2J\033[3J";

    private final PrintWriter out;
    private final boolean screen;
    private String savedMode;
    private final Thread restoreOnExit = new Thread(this::restore, "kata-terminal-restore");

    private Terminal(PrintWriter out, boolean screen) {
        this.out = out;
        this.screen = screen;
    }

    /** The terminal on {@code out}; {@code interactive} when standard input and output are the learner's terminal. */
    static Terminal open(PrintWriter out, boolean interactive) {
        Terminal terminal = new Terminal(out, interactive);
        if (interactive && !System.getProperty("os.name").startsWith("Windows")) {
            String mode = stty("-g");
            if (mode != null && stty("-icanon", "-echo", "min", "1") != null) {
                terminal.savedMode = mode.strip();
                Runtime.getRuntime().addShutdownHook(terminal.restoreOnExit);
            }
        }
        return terminal;
    }

    /** Whether each key press arrives on its own (raw mode), without Enter. */
    boolean singleKeys() {
        return savedMode != null;
    }

    /** Shows {@code text} as the whole screen. */
    synchronized void show(String text) {
        if (screen) {
            out.print(CLEAR);
        } else {
            out.println("----------------------------------------------------------------------");
        }
        out.print(text);
        out.flush();
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNeverAdded) {
            // the hook runs (or ran) anyway
        }
    }

    private synchronized void restore() {
        if (savedMode != null) {
            stty(savedMode);
            savedMode = null;
        }
    }

    /** Runs {@code stty} on the controlling terminal; its output, or {@code null} if it failed. */
    private static String stty(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("stty"));
        command.addAll(List.of(arguments));
        try {
            Process stty = new ProcessBuilder(command).redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream in = stty.getInputStream()) {
                in.transferTo(output);
            }
            if (!stty.waitFor(5, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return null;
            }
            return output.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
