package katas.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The course as the manifest ({@code course.yaml}) describes it, rooted at a checkout.
 *
 * <p>Every tool finds lessons, katas, their files, tests, hints and known-wrong variants here and
 * nowhere else.
 */
public record Course(Path root, List<Lesson> lessons) {

    /** The manifest's file name, at the root of the course. */
    public static final String MANIFEST = "course.yaml";

    public Course {
        root = root.toAbsolutePath().normalize();
        lessons = List.copyOf(lessons);
    }

    private record Manifest(List<Lesson> lessons) {
    }

    /** Reads the manifest of the course rooted at {@code root}. */
    public static Course load(Path root) {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new CourseException("No " + MANIFEST + " in " + root.toAbsolutePath()
                    + ": run this from the root of the course (the folder with lessons/ and " + MANIFEST + ").");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Manifest read;
        try {
            read = yaml.readValue(manifest.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new CourseException(MANIFEST + " cannot be read: " + e.getMessage(), e);
        }
        Course course = new Course(root, read == null || read.lessons() == null ? List.of() : read.lessons());
        course.checkIdsAreUnique();
        return course;
    }

    /** Every kata of the course, lesson by lesson, in task order. */
    public List<Kata> katas() {
        List<Kata> all = new ArrayList<>();
        lessons.forEach(lesson -> all.addAll(lesson.katas()));
        return all;
    }

    /** The lesson with this id ({@code 04-locks}), or its number alone ({@code 04}, {@code 4}). */
    public Optional<Lesson> lesson(String idOrNumber) {
        for (Lesson lesson : lessons) {
            if (lesson.id().equals(idOrNumber) || lesson.number().equals(stripZeros(idOrNumber))) {
                return Optional.of(lesson);
            }
        }
        return Optional.empty();
    }

    /** The kata with this id. */
    public Optional<Kata> kata(String id) {
        return katas().stream().filter(kata -> kata.id().equals(id)).findFirst();
    }

    /** The lesson a kata belongs to. */
    public Lesson lessonOf(Kata kata) {
        return lessons.stream().filter(lesson -> lesson.katas().contains(kata)).findFirst()
                .orElseThrow(() -> new CourseException("kata " + kata.id() + " is not in this course"));
    }

    /** {@code lessons/<id>}: the lesson's module. */
    public Path lessonDir(Lesson lesson) {
        return root.resolve("lessons").resolve(lesson.id());
    }

    /** {@code lessons/<id>/src/main/java}: the learner's code (the starter, on a fresh clone). */
    public Path lessonSources(Lesson lesson) {
        return lessonDir(lesson).resolve("src/main/java");
    }

    /** {@code lessons/<id>/src/test/java}: the kata tests. */
    public Path testSources(Lesson lesson) {
        return lessonDir(lesson).resolve("src/test/java");
    }

    /** {@code lessons/<id>/src/test/resources}, which may not exist. */
    public Path testResources(Lesson lesson) {
        return lessonDir(lesson).resolve("src/test/resources");
    }

    /** {@code solutions/<id>/src/main/java}: the reference solutions of the lesson's katas. */
    public Path solutionSources(Lesson lesson) {
        return root.resolve("solutions").resolve(lesson.id()).resolve("src/main/java");
    }

    /** {@code solutions/<id>/wrong/<variant>}: a kata's file with one known mistake. */
    public Path wrongSources(Lesson lesson, WrongVariant variant) {
        return root.resolve("solutions").resolve(lesson.id()).resolve("wrong").resolve(variant.id());
    }

    /** {@code solutions/<id>/wrong}: every known-wrong variant of the lesson. */
    public Path wrongRoot(Lesson lesson) {
        return root.resolve("solutions").resolve(lesson.id()).resolve("wrong");
    }

    private void checkIdsAreUnique() {
        Set<String> lessonIds = new HashSet<>();
        Set<String> kataIds = new HashSet<>();
        for (Lesson lesson : lessons) {
            if (!lessonIds.add(lesson.id())) {
                throw new CourseException(MANIFEST + " lists lesson " + lesson.id() + " twice");
            }
            for (Kata kata : lesson.katas()) {
                if (!kataIds.add(kata.id())) {
                    throw new CourseException(MANIFEST + " lists kata " + kata.id() + " twice");
                }
                Set<String> variantIds = new HashSet<>();
                for (WrongVariant variant : kata.wrong()) {
                    if (!variantIds.add(variant.id())) {
                        throw new CourseException("kata " + kata.id() + " lists wrong variant " + variant.id() + " twice");
                    }
                }
            }
        }
    }

    private static String stripZeros(String text) {
        String stripped = text.replaceFirst("^0+(?=\\d)", "");
        return stripped;
    }
}
