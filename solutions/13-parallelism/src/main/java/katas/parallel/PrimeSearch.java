package katas.parallel;

import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/** CPU-bound searches for primes that use every core: parallel streams. */
final class PrimeSearch {

    private PrimeSearch() {
    }

    /**
     * Counts the numbers {@code n} in {@code [from, to)} for which {@code isPrime.test(n)} holds,
     * testing them on several threads at once.
     */
    static long countPrimes(long from, long to, LongPredicate isPrime) {
        // parallel() splits the range into pieces that the common ForkJoinPool's workers (and this thread)
        // test at the same time; count() adds up the pieces' counts, so no thread shares a counter.
        return LongStream.range(from, to).parallel().filter(isPrime).count();
    }

    /**
     * Returns the numbers {@code n} in {@code [from, to)} for which {@code isPrime.test(n)} holds, in
     * ascending order, testing them on several threads at once.
     */
    static List<Long> primesBetween(long from, long to, LongPredicate isPrime) {
        // Each piece collects its own primes and toList() joins the pieces in encounter order: no list is
        // shared between threads, and the order is kept. forEach(list::add) would share one ArrayList.
        return LongStream.range(from, to).parallel().filter(isPrime).boxed().toList();
    }
}
