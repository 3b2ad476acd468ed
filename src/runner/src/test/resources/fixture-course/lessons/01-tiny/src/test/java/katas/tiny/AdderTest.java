package katas.tiny;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:1")
@DisplayName("Adder")
class AdderTest {

    @Test
    @DisplayName("adds two numbers")
    void adds() {
        assertThat(Adder.add(2, 3)).as("2 + 3 should make 5: return a + b").isEqualTo(5);
    }
}
