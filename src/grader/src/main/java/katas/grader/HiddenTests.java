package katas.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;

/**
 * An instructor's hidden tests: a folder with one folder per lesson id, each laid out like the lesson's
 * {@code src/test/java}. Each test class belongs to the kata whose class its name starts with
 * ({@code CounterEdgeCasesTest} belongs to {@code Counter}), or else to the kata of its
 * {@code @Tag("task:N")}. They are compiled and run with the lesson's tests, straight from this folder
 * (never copied next to the submission's code), and count like the others.
 *
 * @param folders by lesson id, the folder of its hidden tests
 * @param classes by kata id, its hidden test classes
 */
public record HiddenTests(Map<String, Path> folders, Map<String, List<String>> classes) {

    private static final Pattern TASK_TAG = Pattern.compile("@Tag\\(\\s*\"task:(\\d+)\"\\s*\\)");

    /** No hidden tests. */
    public static final HiddenTests NONE = new HiddenTests(Map.of(), Map.of());

    public HiddenTests {
        folders = Map.copyOf(folders);
        classes = Map.copyOf(classes);
    }

    /** Every hidden test class name, to mark them in the outputs. */
    public Set<String> allClasses() {
        Set<String> all = new TreeSet<>();
        classes.values().forEach(all::addAll);
        return all;
    }

    /** Reads the hidden tests under {@code root} for {@code course}; a file that fits no kata is an error. */
    public static HiddenTests read(Path root, Course course) {
        if (root == null) {
            return NONE;
        }
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, List<String>> classes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (var children = Files.list(root)) {
            for (Path folder : children.sorted().toList()) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                String id = folder.getFileName().toString();
                Lesson lesson = course.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
                if (lesson == null) {
                    problems.add(folder + " is named for no lesson of course.yaml");
                    continue;
                }
                folders.put(id, folder.toAbsolutePath().normalize());
                try (var files = Files.walk(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String relative = folder.relativize(file).toString().replace('\\', '/');
                        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                        if (!className.endsWith("Test") && !className.endsWith("Tests")) {
                            continue; // a helper of the hidden tests: compiled with them, run by none
                        }
                        Kata kata = kataOf(lesson, className, Files.readString(file));
                        if (kata == null) {
                            problems.add(file + " fits no kata of " + id + ": start its class name with the kata's class"
                                    + " (" + String.join(", ", lesson.katas().stream().map(Kata::className).toList())
                                    + ") or tag it @Tag(\"task:N\")");
                        } else {
                            classes.computeIfAbsent(kata.id(), k -> new ArrayList<>()).add(className);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hidden tests in " + root, e);
        }
        if (!problems.isEmpty()) {
            throw new GradingException("The hidden tests cannot be used:\n  " + String.join("\n  ", problems));
        }
        return new HiddenTests(folders, classes);
    }

    private static Kata kataOf(Lesson lesson, String className, String source) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Kata byName = lesson.katas().stream().filter(kata -> simple.startsWith(kata.className()))
                .max(Comparator.comparingInt(kata -> kata.className().length())).orElse(null);
        if (byName != null) {
            return byName;
        }
        Matcher tag = TASK_TAG.matcher(source);
        if (tag.find()) {
            int task = Integer.parseInt(tag.group(1));
            return lesson.katas().stream().filter(kata -> kata.task() == task).findFirst().orElse(null);
        }
        return null;
    }
}
