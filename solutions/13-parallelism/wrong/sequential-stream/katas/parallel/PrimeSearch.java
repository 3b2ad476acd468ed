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
        // MISTAKE: no parallel(), so the calling thread tests every number alone.
        return LongStream.range(from, to).filter(isPrime).count();
    }

    /**
     * Returns the numbers {@code n} in {@code [from, to)} for which {@code isPrime.test(n)} holds, in
     * ascending order, testing them on several threads at once.
     */
    static List<Long> primesBetween(long from, long to, LongPredicate isPrime) {
        // MISTAKE: sequential again.
        return LongStream.range(from, to).filter(isPrime).boxed().toList();
    }
}
