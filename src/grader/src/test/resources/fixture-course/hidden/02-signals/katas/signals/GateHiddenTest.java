package katas.signals;

import katas.testkit.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gate (hidden)")
class GateHiddenTest {

    @Test
    @DisplayName("opening twice is harmless")
    void opening_twice_is_harmless() {
        Gate gate = new Gate();
        gate.open();
        gate.open();
        Waits.returnsPromptly("main", "await() on a gate opened twice", () -> {
            gate.await();
            return null;
        });
    }
}
