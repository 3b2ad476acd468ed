package katas.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import katas.testkit.Failures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("PrimeSearch: primes on every core with a parallel stream")
class PrimeSearchTest {

    private static final long FROM = 2;
    private static final long TO = 100_000;
    private static final List<Long> PRIMES = LongStream.range(FROM, TO).filter(Primes::isPrime).boxed().toList();

    @Nested
    @DisplayName("countPrimes()")
    class CountPrimes {

        @Test
        @DisplayName("counts the primes, testing numbers on several threads at the same time")
        void countsOnSeveralThreadsAtOnce() {
            SplitProbe probe = new SplitProbe();
            // The first test of a number waits until another thread tests a number too.
            LongPredicate isPrime = n -> {
                probe.ran();
                if (!probe.holdIfFirst()) {
                    probe.companion();
                }
                return Primes.isPrime(n);
            };

            long count = KataCalls.call("countPrimes()", Messages.noSharedState(),
                    () -> PrimeSearch.countPrimes(FROM, TO, isPrime));

            Messages.assertSplit(probe, "countPrimes()");
            assertThat(count)
                    .withFailMessage(Messages.wrongCount(count))
                    .isEqualTo(PRIMES.size());
        }
    }

    @Nested
    @DisplayName("primesBetween()")
    class PrimesBetween {

        @Test
        @DisplayName("returns every prime once, in ascending order, though several threads find them at once")
        void returnsEveryPrimeInOrder() {
            SplitProbe probe = new SplitProbe();
            SplitProbe orderTrap = new SplitProbe();
            Map<Thread, Boolean> lastWasPrime = new ConcurrentHashMap<>();
            // The first test of a number waits until another thread tests a number too. Then the test of 2,
            // the smallest prime, waits until another thread has found a prime and moved on to the next number:
            // code that adds each prime to a shared list as it finds it has then added a larger prime before 2,
            // on every run. (The pieces of the range are long enough to hold a prime and a number after it.)
            LongPredicate isPrime = n -> {
                Thread self = Thread.currentThread();
                probe.ran();
                if (!probe.holdIfFirst()) {
                    probe.companion();
                }
                if (n == FROM) {
                    orderTrap.hold();
                } else if (lastWasPrime.getOrDefault(self, false)) {
                    orderTrap.companion();
                }
                boolean prime = Primes.isPrime(n);
                lastWasPrime.put(self, prime);
                return prime;
            };

            List<Long> primes = KataCalls.call("primesBetween()", Messages.noSharedState(),
                    () -> PrimeSearch.primesBetween(FROM, TO, isPrime));

            Messages.assertSplit(probe, "primesBetween()");
            assertThat(primes)
                    .withFailMessage(Messages.wrongPrimes(primes))
                    .containsExactlyElementsOf(PRIMES);
        }
    }

    /** This kata's failure messages. */
    private static final class Messages {

        static void assertSplit(SplitProbe probe, String method) {
            if (probe.verdict() == null) {
                throw Failures.failure(method + " never called isPrime.",
                        "test every number of the range: LongStream.range(from, to).parallel().filter(isPrime)");
            }
            if (probe.verdict() != SplitProbe.Verdict.SPLIT) {
                throw Failures.failure(method + " tested every number on " + probe.threadNames() + ": while one"
                                + " number was being tested, no other thread tested another. The stream ran on one thread.",
                        "a stream is sequential unless you ask: LongStream.range(from, to).parallel() splits the range"
                                + " into pieces that the common ForkJoinPool's workers test at the same time");
            }
        }

        static String noSharedState() {
            return "a parallel stream runs your lambdas on several threads at once; do not let them change a shared"
                    + " collection (an ArrayList is not thread-safe): let the stream count or collect, with count() or"
                    + " toList()";
        }

        static String wrongCount(long count) {
            return Failures.message("countPrimes(" + FROM + ", " + TO + ") returned " + count + ", but there are "
                            + PRIMES.size() + " primes in that range.",
                    "count() the numbers that pass filter(isPrime); a counter shared by the threads (count++ in"
                            + " forEach) loses updates", null);
        }

        static String wrongPrimes(List<Long> primes) {
            if (primes == null) {
                return Failures.message("primesBetween() returned null.", "return the list the stream collects", null);
            }
            String difference = firstDifference(primes);
            return Failures.message("primesBetween(" + FROM + ", " + TO + ") should return the " + PRIMES.size()
                            + " primes of the range in ascending order, but it returned " + primes.size() + " numbers"
                            + difference + ".",
                    "several threads found primes at the same time; adding each to a shared list as it is found"
                            + " (forEach(list::add)) mixes up the order, and with an ArrayList loses some too. Let the"
                            + " stream collect: filter(isPrime).boxed().toList() keeps the order of the range", null);
        }

        private static String firstDifference(List<Long> primes) {
            int shared = Math.min(primes.size(), PRIMES.size());
            for (int i = 0; i < shared; i++) {
                if (!Objects.equals(primes.get(i), PRIMES.get(i))) {
                    List<Long> around = new ArrayList<>(primes.subList(i, Math.min(primes.size(), i + 5)));
                    return ": at index " + i + " it has " + primes.get(i) + " where " + PRIMES.get(i)
                            + " belongs (it goes on " + around + ")";
                }
            }
            return "";
        }
    }
}
