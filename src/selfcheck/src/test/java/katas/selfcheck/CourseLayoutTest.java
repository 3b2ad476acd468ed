package katas.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.core.Code;
import katas.core.Course;
import katas.core.Kata;
import katas.core.Lesson;
import katas.core.WrongVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The course on disk matches its manifest, and follows the conventions of CONTRIBUTING.md. */
@DisplayName("The course on disk")
class CourseLayoutTest {

    private static final Course COURSE = SelfCheck.COURSE;
    private static final Pattern MODEL_CHECK_CALL = Pattern.compile("\\bModelCheck\\.assert");
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|ModelCheckTest|RepeatedTest|ParameterizedTest|Property|FrayTest|TestFactory)\\b");
    private static final Pattern SLEEP = Pattern.compile("\\b(Thread|TimeUnit\\.[A-Z]+)\\.sleep\\(");
    private static final Pattern RAW_THREAD = Pattern.compile("new Thread\\(|Thread\\.start(Virtual)?Thread\\(");

    @Test
    @DisplayName("lists every lesson as a module of the root POM")
    void lessonsAreModules() throws IOException {
        String pom = Files.readString(COURSE.root().resolve("pom.xml"));
        for (Lesson lesson : COURSE.lessons()) {
            assertThat(pom).as("root pom.xml must list <module>lessons/%s</module>", lesson.id())
                    .contains("<module>lessons/" + lesson.id() + "</module>");
        }
    }

    @Test
    @DisplayName("has a lesson folder for every lesson of the manifest, and no lesson folder the manifest omits")
    void lessonFoldersMatchManifest() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> dirs = Files.list(COURSE.root().resolve("lessons"))) {
            onDisk = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> listed = COURSE.lessons().stream().map(Lesson::id).collect(Collectors.toSet());
        assertThat(onDisk).as("folders under lessons/ versus lessons in course.yaml").isEqualTo(listed);
    }

    @TestFactory
    @DisplayName("has every kata's files where the manifest says")
    Stream<DynamicTest> kataFiles() {
        return eachKata((lesson, kata) -> {
            Path starter = COURSE.lessonSources(lesson).resolve(kata.file());
            Path solution = COURSE.solutionSources(lesson).resolve(kata.file());
            assertThat(starter).as("the starter of %s", kata.id()).isRegularFile();
            assertThat(solution).as("the reference solution of %s", kata.id()).isRegularFile();
            assertThat(Files.readString(starter)).as("the starter of %s marks its change points with // TODO:", kata.id())
                    .contains("TODO");
            assertThat(Files.readString(solution)).as("the solution of %s has no TODO left", kata.id())
                    .doesNotContain("// TODO");
            assertThat(kata.hints()).as("the hints of %s", kata.id()).isNotEmpty();
            assertThat(kata.wrong()).as("known-wrong variants of %s (at least two)", kata.id()).hasSizeGreaterThanOrEqualTo(2);
            for (String test : kata.tests()) {
                Path source = COURSE.testSources(lesson).resolve(test.replace('.', '/') + ".java");
                assertThat(source).as("test class %s of %s", test, kata.id()).isRegularFile();
                assertThat(Files.readString(source)).as("%s carries @Tag(\"task:%d\")", test, kata.task())
                        .contains("@Tag(\"task:" + kata.task() + "\")");
            }
        });
    }

    @TestFactory
    @DisplayName("has every known-wrong variant as the kata's file alone, and no variant the manifest omits")
    Stream<DynamicTest> variantFolders() {
        return COURSE.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            List<String> listed = new ArrayList<>();
            for (Kata kata : lesson.katas()) {
                for (WrongVariant variant : kata.wrong()) {
                    listed.add(variant.id());
                    Map<String, Path> files = Code.javaFilesUnder(COURSE.wrongSources(lesson, variant));
                    assertThat(files.keySet()).as("solutions/%s/wrong/%s must hold exactly %s", lesson.id(), variant.id(),
                            kata.file()).containsExactly(kata.file());
                }
            }
            assertThat(listed).as("known-wrong variant ids of %s: each names a folder under solutions/%s/wrong, so two katas"
                    + " of the lesson cannot share one", lesson.id(), lesson.id()).doesNotHaveDuplicates();
            Path wrongRoot = COURSE.wrongRoot(lesson);
            if (Files.isDirectory(wrongRoot)) {
                try (Stream<Path> dirs = Files.list(wrongRoot)) {
                    assertThat(dirs.map(p -> p.getFileName().toString()).toList())
                            .as("folders under solutions/%s/wrong that course.yaml lists", lesson.id())
                            .containsExactlyInAnyOrderElementsOf(listed);
                }
            }
        }));
    }

    @TestFactory
    @DisplayName("repeats every hint of the manifest in the lesson README, under its task")
    Stream<DynamicTest> readmeHints() {
        return eachKata((lesson, kata) -> {
            String readme = Files.readString(COURSE.lessonDir(lesson).resolve("README.md"));
            assertThat(readme).as("README of %s has a section for task %d", lesson.id(), kata.task())
                    .contains("## Task " + kata.task() + ":");
            assertThat(readme).as("README of %s names the kata class of task %d", lesson.id(), kata.task())
                    .contains(kata.className());
            for (String hint : kata.hints()) {
                assertThat(readme).as("README of %s repeats this hint of %s verbatim", lesson.id(), kata.id())
                        .contains(hint.strip());
            }
        });
    }

    @TestFactory
    @DisplayName("has no kata test that starts a raw thread (the kit's Workers report their failures)")
    Stream<DynamicTest> testsUseWorkers() {
        return COURSE.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            for (Path test : Code.javaFilesUnder(COURSE.testSources(lesson)).values()) {
                assertThat(RAW_THREAD.matcher(Files.readString(test)).find())
                        .as("%s starts a raw thread: use the test kit's Workers", COURSE.root().relativize(test))
                        .isFalse();
            }
        }));
    }

    @TestFactory
    @DisplayName("has no kata test that sleeps to wait for another thread")
    Stream<DynamicTest> testsDoNotSleep() {
        return COURSE.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            for (Path test : Code.javaFilesUnder(COURSE.testSources(lesson)).values()) {
                assertThat(SLEEP.matcher(Files.readString(test)).find())
                        .as("%s sleeps: use the test kit's gates and timed waits instead", COURSE.root().relativize(test))
                        .isFalse();
            }
        }));
    }

    @TestFactory
    @DisplayName("marks every model check @ModelCheckTest (its timeout, and the tag that has the grader run it once)")
    Stream<DynamicTest> modelChecksAreMarked() {
        return COURSE.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            for (Path test : Code.javaFilesUnder(COURSE.testSources(lesson)).values()) {
                String source = Files.readString(test);
                Matcher call = MODEL_CHECK_CALL.matcher(source);
                while (call.find()) {
                    Matcher annotation = TEST_ANNOTATION.matcher(source.substring(0, call.start()));
                    String last = null;
                    while (annotation.find()) {
                        last = annotation.group(1);
                    }
                    assertThat(last).as("%s runs a model check in a test marked @%s: mark it @ModelCheckTest",
                            COURSE.root().relativize(test), last).isEqualTo("ModelCheckTest");
                }
            }
        }));
    }

    private interface KataCheck {
        void check(Lesson lesson, Kata kata) throws Exception;
    }

    private static Stream<DynamicTest> eachKata(KataCheck check) {
        return COURSE.lessons().stream().flatMap(lesson -> lesson.katas().stream()
                .map(kata -> DynamicTest.dynamicTest(lesson.id() + " " + kata.id(), () -> check.check(lesson, kata))));
    }
}
