package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes from a submission only the lab's declared student files; tests, baselines, inputs and build files always
 * come from the grader's own copy.
 *
 * <p>A file is found whether the submission is the whole repository, the lab's folder or loose files:</p>
 * <pre>
 * SUBMISSION/lab03-strings/src/main/java/org/vmaware/lab03/Concatenations.java   whole repository
 * SUBMISSION/src/main/java/org/vmaware/lab03/Concatenations.java                 the lab's folder
 * SUBMISSION/org/vmaware/lab03/Concatenations.java                               a source tree
 * SUBMISSION/anything/Concatenations.java                                        loose, if it is the only one
 * </pre>
 *
 * <p>Links are not followed, and a file whose real path (every link on the way resolved) is outside the
 * submission's is refused (a link could point at the reference solution); files over 512 KB are refused, and a
 * file missing from the submission is graded as the starter's version, with a note that says so.</p>
 */
public final class Intake {

    static final long MAX_FILE_BYTES = 512 * 1024;
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".github", "node_modules", "test",
            "solution", ".mvn", ".idea", "build", "out");

    private Intake() {
    }

    /**
     * The submission's student files.
     *
     * @param lab        the lab
     * @param submission the submission's directory
     * @return each student file (relative path) found, and notes on what was not taken
     */
    public static Taken take(LabHome lab, Path submission) throws IOException {
        Path root = submission.toRealPath();
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Path> loose = looseJavaFiles(submission);
        for (String file : lab.studentFiles()) {
            Path chosen = null;
            for (Path candidate : List.of(submission.resolve(lab.name()).resolve("src/main/java").resolve(file),
                    submission.resolve("src/main/java").resolve(file), submission.resolve(file))) {
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    chosen = candidate;
                    break;
                }
            }
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (chosen == null) {
                List<Path> named = loose.stream().filter(p -> p.getFileName().toString().equals(base))
                        .collect(Collectors.toList());
                if (named.size() == 1) {
                    chosen = named.get(0);
                } else if (named.size() > 1) {
                    notes.add("found " + named.size() + " files named " + base + " ("
                            + named.stream().map(p -> submission.relativize(p).toString()).collect(Collectors.joining(", "))
                            + "): keep only one; the starter's " + base + " was graded");
                    continue;
                }
            }
            if (chosen == null) {
                notes.add(base + " is not in the submission: the starter's version was graded");
                continue;
            }
            String shown = submission.relativize(chosen).toString();
            // Every link resolved, the file must still lie inside the submission: a link anywhere on the way (a
            // folder linked to the reference solution) would otherwise bring in what the student did not write.
            if (!chosen.toRealPath().startsWith(root)) {
                notes.add(shown + " lies outside the submission once its links are followed, so it was not taken:"
                        + " the starter's " + base + " was graded");
                continue;
            }
            if (Files.isSymbolicLink(chosen) || !Files.isRegularFile(chosen, LinkOption.NOFOLLOW_LINKS)) {
                notes.add(shown + " is a link or not a regular file, so it was not taken: the starter's " + base
                        + " was graded");
                continue;
            }
            if (Files.size(chosen) > MAX_FILE_BYTES) {
                notes.add(shown + " is larger than " + MAX_FILE_BYTES / 1024 + " KB, so it was not taken: the starter's "
                        + base + " was graded");
                continue;
            }
            found.put(file, chosen);
        }
        return new Taken(found, notes);
    }

    /** Every .java file under the submission, not following links, outside build and test folders. */
    private static List<Path> looseJavaFiles(Path submission) throws IOException {
        try (Stream<Path> walk = Files.walk(submission, 12, EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".java"))
                    .filter(p -> {
                        for (Path part : submission.relativize(p)) {
                            if (SKIPPED_DIRS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    }).sorted().collect(Collectors.toList());
        }
    }

    /**
     * What was taken.
     *
     * @param files the student files found: relative path to the submission's file
     * @param notes what was not taken, and why
     */
    public record Taken(Map<String, Path> files, List<String> notes) {
    }
}
