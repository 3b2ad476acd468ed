package katas.parallel;

/**
 * Prime numbers by trial division: slow on purpose, so that counting them is honest CPU-bound work
 * (no I/O, no waiting, only arithmetic), the kind of work that only more cores make faster.
 */
final class Primes {

    private Primes() {
    }

    /** Whether {@code n} is a prime number. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n < 4) {
            return true;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (long divisor = 3; divisor * divisor <= n; divisor += 2) {
            if (n % divisor == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many primes lie in {@code [from, to)}, counted on the calling thread. */
    static long countBetween(long from, long to) {
        long count = 0;
        for (long n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }
}
