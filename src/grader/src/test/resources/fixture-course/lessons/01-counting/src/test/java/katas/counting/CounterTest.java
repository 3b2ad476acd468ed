package katas.counting;

import static org.assertj.core.api.Assertions.assertThat;

import katas.testkit.Workers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Task 1: Counter")
class CounterTest {

    @Test
    @DisplayName("counts on one thread")
    void counts_on_one_thread() {
        Counter counter = new Counter();
        for (int i = 0; i < 3; i++) {
            counter.increment();
        }
        assertThat(counter.value()).as("three increments on one thread make 3").isEqualTo(3);
    }

    @Test
    @DisplayName("loses no increment when four threads count at once")
    void loses_nothing() {
        Counter counter = new Counter();
        try (Workers workers = new Workers()) {
            workers.startTogether("counter", 4, index -> {
                for (int i = 0; i < 20_000; i++) {
                    counter.increment();
                }
            });
            workers.joinAll();
        }
        assertThat(counter.value()).as("4 threads x 20,000 increments must make 80,000: count++ is read-modify-write")
                .isEqualTo(80_000);
    }
}
