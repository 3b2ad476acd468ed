package katas.core;

/**
 * A known-wrong variant of a kata: the solution with one common mistake, which the kata's tests must
 * reject. Its file lives in {@code solutions/<lesson>/wrong/<id>/}.
 *
 * @param mistake the mistake in one sentence, as a learner would recognise it
 */
public record WrongVariant(String id, String mistake) {

    public WrongVariant {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new CourseException("a wrong variant id must be lower-case words joined by dashes, not '" + id + "'");
        }
    }
}
