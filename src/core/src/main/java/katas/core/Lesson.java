package katas.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One lesson: a Maven module under {@code lessons/} with one package and its katas, and optionally a
 * demonstration: the fully qualified name of a runnable class in the lesson's {@code src/main/java}
 * that works on a fresh clone (it does not depend on the learner's unsolved code).
 */
public record Lesson(String id, String title, @JsonProperty("package") String packageName, List<Kata> katas,
        String demo) {

    public Lesson {
        if (id == null || !id.matches("\\d{2}-[a-z0-9-]+")) {
            throw new CourseException("a lesson id must look like 04-locks, not '" + id + "'");
        }
        katas = katas == null ? List.of() : List.copyOf(katas);
    }

    /** The lesson's number without leading zeros: {@code 4} for {@code 04-locks}. */
    public String number() {
        return id.substring(0, 2).replaceFirst("^0", "");
    }
}
