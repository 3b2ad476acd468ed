package katas.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the learner has solved, derived from test results: the last verdict on each kata, kept with a
 * fingerprint of the sources its tests saw. A verdict counts only while the sources are unchanged, so
 * the file is a cache: losing it loses nothing but a re-run.
 */
public final class Progress {

    /** Where a kata stands for the learner. */
    public enum State {
        /** Its tests passed on the code as it is now. */
        SOLVED,
        /** Its tests ran on the code as it is now and did not pass. */
        FAILING,
        /** Its file is still the starter as shipped. */
        NOT_STARTED,
        /** Its file was edited since its tests last ran (or it never ran, where the starter is unknown). */
        NOT_CHECKED
    }

    private final Course course;
    private final Path cacheFile;
    private final Starters starters;

    /** @param cacheFile the cache of verdicts (created when the first verdict is recorded) */
    public Progress(Course course, Path cacheFile, Starters starters) {
        this.course = course;
        this.cacheFile = cacheFile;
        this.starters = starters;
    }

    /** Where {@code kata} stands now. */
    public State state(Kata kata) {
        Lesson lesson = course.lessonOf(kata);
        String recorded = read().getProperty(kata.id());
        if (recorded != null) {
            String[] parts = recorded.split(" ", 2);
            if (parts.length == 2 && parts[0].equals(fingerprint(lesson, kata))) {
                return parts[1].equals(KataVerdict.Status.SOLVED.name()) ? State.SOLVED : State.FAILING;
            }
        }
        Path file = course.lessonSources(lesson).resolve(kata.file());
        Optional<String> starter = starters.starter(lesson, kata);
        try {
            if (starter.isPresent() && Files.isRegularFile(file) && Files.readString(file).equals(starter.get())) {
                return State.NOT_STARTED;
            }
        } catch (IOException e) {
            return State.NOT_CHECKED;
        }
        return State.NOT_CHECKED;
    }

    /** Every kata of the course with where it stands, in course order. */
    public Map<Kata, State> states() {
        Map<Kata, State> states = new java.util.LinkedHashMap<>();
        course.katas().forEach(kata -> states.put(kata, state(kata)));
        return states;
    }

    /** How many katas are solved on the code as it is now, from the cache alone (quick enough for every screen). */
    public int solvedCount() {
        Properties cache = read();
        return (int) course.katas().stream().filter(kata -> {
            String recorded = cache.getProperty(kata.id());
            return recorded != null
                    && recorded.equals(fingerprint(course.lessonOf(kata), kata) + " " + KataVerdict.Status.SOLVED.name());
        }).count();
    }

    /** The first kata, in course order, that is not solved. */
    public Optional<Kata> firstUnsolved() {
        return course.katas().stream().filter(kata -> state(kata) != State.SOLVED).findFirst();
    }

    /**
     * Records the verdict on a kata, reached on sources with {@code fingerprint} (taken before they
     * were compiled, so that a save during the run does not inherit the verdict).
     */
    public synchronized void record(Kata kata, String fingerprint, KataVerdict.Status status) {
        Properties cache = read();
        cache.setProperty(kata.id(), fingerprint + " " + status.name());
        write(cache);
    }

    /**
     * A fingerprint of everything a kata's tests see of the lesson: the kata's file, the lesson's other
     * code except the files of its other katas, and the lesson's tests. A file the kata shares with
     * another kata (two tasks in one class) is the kata's own file, so it always counts.
     */
    public String fingerprint(Lesson lesson, Kata kata) {
        Set<String> otherKatas = lesson.katas().stream().map(Kata::file).filter(file -> !file.equals(kata.file()))
                .collect(Collectors.toSet());
        Map<String, Path> files = new TreeMap<>();
        Code.javaFilesUnder(course.lessonSources(lesson)).forEach((name, path) -> {
            if (!otherKatas.contains(name)) {
                files.put("main/" + name, path);
            }
        });
        Code.javaFilesUnder(course.testSources(lesson)).forEach((name, path) -> files.put("test/" + name, path));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file.getValue()));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources of " + lesson.id(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Properties read() {
        Properties cache = new Properties();
        if (Files.isRegularFile(cacheFile)) {
            try (Reader in = Files.newBufferedReader(cacheFile, StandardCharsets.UTF_8)) {
                cache.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // a damaged cache is an empty one: every verdict is a re-run away
                return new Properties();
            }
        }
        return cache;
    }

    private void write(Properties cache) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temporary = Files.createTempFile(cacheFile.getParent(), "results", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                cache.store(out, "The last verdict on each kata and a fingerprint of its sources; safe to delete.");
            }
            try {
                Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Progress is a cache: failing to save it costs a re-run, never the learner's work.
            System.getLogger(Progress.class.getName()).log(System.Logger.Level.DEBUG, "cannot save " + cacheFile, e);
        }
    }
}
