package katas.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: Tally")
class TallyTest {

    @Test
    @DisplayName("a new tally starts at zero")
    void a_new_tally_starts_at_zero() {
        assertThat(new Tally().total()).as("a tally nobody added to holds 0").isZero();
    }

    @Test
    @DisplayName("adds what it is given")
    void adds_what_it_is_given() {
        Tally tally = new Tally();
        tally.add(2);
        tally.add(3);
        assertThat(tally.total()).as("2 + 3 make 5").isEqualTo(5);
    }

    @Test
    @DisplayName("keeps each tally apart")
    void keeps_tallies_apart() {
        Tally first = new Tally();
        first.add(4);
        assertThat(first.total()).as("a tally's total is its own").isEqualTo(4);
    }
}
