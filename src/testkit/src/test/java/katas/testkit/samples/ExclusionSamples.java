package katas.testkit.samples;

import katas.testkit.ExclusiveSection;
import katas.testkit.Workers;
import org.junit.jupiter.api.Test;

/** Writers to a shared list with and without a lock, judged by an {@link ExclusiveSection}; run by the kit's own tests. */
final class ExclusionSamples {

    @Test
    void unguardedWriters() {
        writers(false);
    }

    @Test
    void guardedWriters() {
        writers(true);
    }

    private static void writers(boolean guarded) {
        Buggy.SharedList list = new Buggy.SharedList();
        ExclusiveSection section = new ExclusiveSection("the shared list");
        try (Workers workers = new Workers()) {
            Workers.Gate gate = workers.startBehindGate("writer", 2, i -> {
                if (guarded) {
                    list.addGuarded(section, "item-" + i);
                } else {
                    list.addUnguarded(section, "item-" + i);
                }
            });
            gate.threads().forEach(section::contender);
            gate.open();
            workers.joinAll();
        }
        section.assertNeverShared("guard every change of shared data with one lock");
    }
}
