package katas.parallel;

import java.util.List;
import java.util.function.LongPredicate;

/** CPU-bound searches for primes that use every core: parallel streams. */
final class PrimeSearch {

    private PrimeSearch() {
    }

    /**
     * Counts the numbers {@code n} in {@code [from, to)} for which {@code isPrime.test(n)} holds,
     * testing them on several threads at once.
     */
    static long countPrimes(long from, long to, LongPredicate isPrime) {
        // TODO: count the numbers of a parallel LongStream over the range that pass isPrime.
        throw new UnsupportedOperationException("TODO: count the primes with a parallel stream");
    }

    /**
     * Returns the numbers {@code n} in {@code [from, to)} for which {@code isPrime.test(n)} holds, in
     * ascending order, testing them on several threads at once.
     */
    static List<Long> primesBetween(long from, long to, LongPredicate isPrime) {
        // TODO: let a parallel stream collect the primes itself, in order, instead of adding to a shared list.
        throw new UnsupportedOperationException("TODO: collect the primes of a parallel stream, in order");
    }
}
