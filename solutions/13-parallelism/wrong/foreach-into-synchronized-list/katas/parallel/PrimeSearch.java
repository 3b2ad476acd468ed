package katas.parallel;

import java.util.ArrayList;
import java.util.Collections;
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
        // MISTAKE: the synchronized list loses nothing, but receives the primes in the order threads find them.
        List<Long> primes = Collections.synchronizedList(new ArrayList<>());
        LongStream.range(from, to).parallel().filter(isPrime).forEach(primes::add);
        return primes;
    }
}
