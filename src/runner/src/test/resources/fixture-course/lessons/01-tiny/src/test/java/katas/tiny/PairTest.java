package katas.tiny;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:2")
@DisplayName("Pair")
class PairTest {

    @Test
    @DisplayName("both threads finish")
    void bothFinish() throws InterruptedException {
        assertThat(Pair.both()).as("both threads should finish").isEqualTo(2);
    }
}
