package org.vmaware.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong arguments, an unknown lab and a missing directory each get a clear message and exit status 2. */
class GraderCliTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = GraderCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void noCommandSaysWhichThereAre() {
        Run run = run();
        assertEquals(2, run.status);
        assertTrue(run.err.contains("name a command: grade, grade-batch, merge, gradescope, export-classroom50, export-student, self-check or new-lab"), run.err);
    }

    @Test
    void anUnknownOptionSuggestsTheRightOne() {
        Run run = run("grade", "lab03-strings", "--submision", "x");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("Unknown options: '--submision'") && run.err.contains("Possible solutions: --submission"),
                run.err);
    }

    @Test
    void aMissingLabArgumentSaysSo() {
        Run run = run("grade");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("Missing required parameter: 'LAB'"), run.err);
    }

    @Test
    void anUnknownLabListsTheLabs() {
        Run run = run("--labs", REPOSITORY.toString(), "grade", "lab99-nothing");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("unknown lab 'lab99-nothing'") && run.err.contains("lab03-strings"), run.err);
    }

    @Test
    void aMissingSubmissionDirectorySaysSo() {
        Run run = run("--labs", REPOSITORY.toString(), "grade", "lab03-strings", "--submission",
                temp.resolve("nowhere").toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--submission " + temp.resolve("nowhere") + " is not a directory"), run.err);
    }

    @Test
    void aWrongModeSaysWhatItMayBe() {
        Run run = run("grade", "lab03-strings", "--mode", "fast");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--mode must be 'full' or 'correctness', not 'fast'"), run.err);
    }

    @Test
    void aLabThatIsNotBuiltSaysHowToBuildIt() throws IOException {
        Files.createDirectories(temp.resolve("grader"));
        Files.writeString(temp.resolve("grader/pom.xml"), "<project/>");
        Files.createDirectories(temp.resolve("lab01-demo"));
        Files.writeString(temp.resolve("lab01-demo/grading.json"), "{}");
        Run run = run("--labs", temp.toString(), "grade", "lab01-demo");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("lab01-demo is not built: run ./mvnw -B -ntp package -DskipTests first"), run.err);
    }

    @Test
    void labsThatAreNotALabsFolderSaySo() {
        Run run = run("--labs", temp.toString(), "grade", "lab03-strings");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("is neither this repository"), run.err);
    }

    @Test
    void selfCheckNeedsAtLeastOneRun() {
        Run run = run("--labs", REPOSITORY.toString(), "self-check", "--repeat", "0");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--repeat must be 1 or more"), run.err);
    }

    @Test
    void exportRefusesADirectoryThatIsNotEmptyAndTouchesNothing() throws IOException {
        Files.writeString(temp.resolve("keep.txt"), "mine");
        Run run = run("--labs", REPOSITORY.toString(), "export-student", temp.toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("exists and is not empty"), run.err);
        assertEquals("mine", Files.readString(temp.resolve("keep.txt")));
        try (var entries = Files.list(temp)) {
            assertEquals(1, entries.count(), "nothing was written");
        }
    }

    @Test
    void reportsGoToADirectoryNotAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("results.txt"), "mine");
        Run run = run("grade", "lab03-strings", "--out", file.toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("is a file: name a directory for the reports"), run.err);
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void theZipIsAFileNotADirectory() {
        Run run = run("--labs", REPOSITORY.toString(), "gradescope", "lab03-strings", "--out", temp.toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("is a directory: name the zip file to write"), run.err);
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertEquals(0, run.status);
        for (String command : new String[] {"grade", "gradescope", "export-student", "self-check"}) {
            assertTrue(run.out.contains(command), run.out);
        }
    }
}
