package katas.grader;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --course} option every grader command shares: the instructor's course, by default the current one. */
final class CourseOption {

    @Option(names = "--course", paramLabel = "DIR",
            description = "The instructor's course (the folder with course.yaml). Default: the course this command runs in.")
    Path course;

    /** The course folder: the option, else {@code -Dkata.root} (set by the kata script), else the current folder. */
    Path root() {
        if (course != null) {
            return course.toAbsolutePath().normalize();
        }
        String root = System.getProperty("kata.root");
        return Path.of(root != null ? root : "").toAbsolutePath().normalize();
    }
}
