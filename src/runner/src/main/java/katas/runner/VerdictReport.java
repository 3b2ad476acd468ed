package katas.runner;

import java.time.Duration;
import java.util.List;
import katas.core.KataVerdict;
import katas.core.TestOutcome;

/** Lays out the core's verdicts and the tests' own messages for the terminal; it decides nothing. */
final class VerdictReport {

    /** How many lines of a failure's details (the thread dump of a hang, say) are shown. */
    static final int DETAIL_LINES = 40;

    private VerdictReport() {
    }

    /** One line: the kata, its verdict, how many tests passed, and how long the run took. */
    static String headline(KataVerdict verdict, Duration elapsed) {
        String time = elapsed == null ? "" : String.format(" (%.2f s)", elapsed.toMillis() / 1000.0);
        int total = verdict.passed() + verdict.failed();
        return switch (verdict.status()) {
            case SOLVED -> "PASSED  " + verdict.kata().id() + ": all " + total + " tests pass" + time;
            case NOT_SOLVED -> "FAILED  " + verdict.kata().id() + ": " + verdict.failed() + " of " + total
                    + " tests fail" + time;
            case ERROR -> "ERROR   " + verdict.kata().id() + ": the tests could not judge the code" + time;
        };
    }

    /** The headline, then each failed test with its message; the first failure's details too (a hang's thread dump). */
    static String full(KataVerdict verdict, Duration elapsed) {
        StringBuilder text = new StringBuilder(headline(verdict, elapsed)).append('\n');
        if (verdict.problem() != null) {
            text.append('\n').append(indent(capped(verdict.problem()), "  ")).append('\n');
        }
        List<TestOutcome> failures = verdict.failures();
        for (int i = 0; i < failures.size(); i++) {
            TestOutcome failure = failures.get(i);
            text.append('\n').append("  x ").append(failure.testName()).append('\n');
            text.append(indent(failure.summary(), "    ")).append('\n');
            if (i == 0) {
                String details = details(failure);
                if (!details.isBlank()) {
                    text.append("    --- details ---\n").append(indent(capped(details), "    ")).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String details(TestOutcome outcome) {
        String message = outcome.message();
        if (message == null) {
            return "";
        }
        int at = message.indexOf("--- details ---");
        return at < 0 ? "" : message.substring(at + "--- details ---".length()).strip();
    }

    private static String capped(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= DETAIL_LINES) {
            return text;
        }
        return String.join("\n", lines.subList(0, DETAIL_LINES)) + "\n[... " + (lines.size() - DETAIL_LINES)
                + " more lines ...]";
    }

    static String indent(String text, String prefix) {
        return text.lines().map(line -> line.isEmpty() ? "" : prefix + line)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** A progress bar: {@code [#####---------------] 3 of 11 katas solved}. */
    static String progressBar(int solved, int total) {
        int width = 20;
        int filled = total == 0 ? 0 : Math.round((float) solved * width / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + solved + " of " + total + " katas solved";
    }
}
