package katas.parallel;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * A small program that {@link ProcessRunner} starts in a JVM of its own (task 5). The first argument
 * says what to do:
 *
 * <ul>
 *   <li>{@code count FROM TO}: counts the primes in {@code [FROM, TO)} and prints {@code primes: N};
 *   <li>{@code crash}: throws an exception out of {@code main}, which ends this JVM with exit code 1;
 *   <li>{@code exit CODE}: calls {@code System.exit(CODE)};
 *   <li>{@code flood LINES}: prints that many lines, far more than a pipe holds, then {@code flood done};
 *   <li>{@code hang}: waits forever.
 * </ul>
 *
 * Every run first prints {@code pid: N}, the process id of its JVM.
 */
final class PrimeWorker {

    static final String CRASH_MESSAGE = "the worker crashed on purpose";
    static final String FLOOD_DONE = "flood done";

    private PrimeWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("pid: " + ProcessHandle.current().pid());
        switch (args[0]) {
            case "count" -> System.out.println("primes: "
                    + Primes.countBetween(Long.parseLong(args[1]), Long.parseLong(args[2])));
            case "crash" -> throw new IllegalStateException(CRASH_MESSAGE);
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "flood" -> {
                PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
                int lines = Integer.parseInt(args[1]);
                for (int i = 1; i <= lines; i++) {
                    out.println("line " + i);
                }
                out.println(FLOOD_DONE);
                out.flush();
            }
            case "hang" -> new CountDownLatch(1).await();
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        }
    }
}
