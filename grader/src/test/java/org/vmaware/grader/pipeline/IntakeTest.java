package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.Hints;
import org.vmaware.grader.supervise.CheckCosts;

/** Only the declared student files are taken, wherever the submission keeps them; nothing else, and no links. */
class IntakeTest {

    private static final String FILE = "org/vmaware/lab00/Joiner.java";

    @TempDir
    Path submission;

    private static LabHome lab() {
        return new LabHome("lab00-fixture", "fixture", List.of(FILE), List.of(), 30, 120, FixtureLab.RELEASE,
                List.of(FixtureLab.DIR.resolve("src/main/java")), FixtureLab.DIR, List.of(), ClassFilePolicy.LabPolicy.NONE, CheckCosts.none(),
                Hints.Level.IDEA);
    }

    private Path write(String relative) throws IOException {
        Path file = submission.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class Joiner {}");
        return file;
    }

    @Test
    void aWholeRepository() throws IOException {
        Path file = write("lab00-fixture/src/main/java/" + FILE);
        write("lab00-fixture/src/test/java/org/vmaware/lab00/grading/JoinerTest.java");
        write("lab00-fixture/src/solution/java/" + FILE);
        assertEquals(file, Intake.take(lab(), submission).files().get(FILE));
    }

    @Test
    void theLabsFolder() throws IOException {
        Path file = write("src/main/java/" + FILE);
        assertEquals(file, Intake.take(lab(), submission).files().get(FILE));
    }

    @Test
    void looseFiles() throws IOException {
        Path file = write("Joiner.java");
        write("Other.java");
        Intake.Taken taken = Intake.take(lab(), submission);
        assertEquals(file, taken.files().get(FILE));
        assertEquals(1, taken.files().size(), "only declared student files are taken");
    }

    @Test
    void aMissingFileIsGradedAsTheStartersAndSaysSo() throws IOException {
        Intake.Taken taken = Intake.take(lab(), submission);
        assertTrue(taken.files().isEmpty());
        assertTrue(taken.notes().get(0).contains("Joiner.java is not in the submission: the starter's version was graded"),
                taken.notes()::toString);
    }

    @Test
    void twoLooseCandidatesAreNotGuessedBetween() throws IOException {
        write("a/Joiner.java");
        write("b/Joiner.java");
        Intake.Taken taken = Intake.take(lab(), submission);
        assertTrue(taken.files().isEmpty());
        assertTrue(taken.notes().get(0).contains("found 2 files named Joiner.java"), taken.notes()::toString);
    }

    @Test
    void aLinkIsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(Files.createTempFile("reference", ".java"), "class Joiner {}");
        try {
            Files.createSymbolicLink(submission.resolve("Joiner.java"), elsewhere);
            Intake.Taken taken = Intake.take(lab(), submission);
            assertTrue(taken.files().isEmpty());
            assertTrue(taken.notes().get(0).contains("lies outside the submission"), taken.notes()::toString);
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void aLinkedFolderIsNotFollowed() throws IOException {
        // attack x03's class: a folder on the way, not the file, links to the reference solution
        Path reference = Files.createTempDirectory("reference");
        try {
            Files.createDirectories(reference.resolve("vmaware/lab00"));
            Files.writeString(reference.resolve("vmaware/lab00/Joiner.java"), "class Joiner {}");
            Files.createDirectories(submission.resolve("org"));
            Files.createSymbolicLink(submission.resolve("org/vmaware"), reference.resolve("vmaware"));
            Intake.Taken taken = Intake.take(lab(), submission);
            assertTrue(taken.files().isEmpty(), taken.files()::toString);
            assertTrue(taken.notes().get(0).contains("lies outside the submission"), taken.notes()::toString);
        } finally {
            Grading.deleteTree(reference);
        }
    }

    @Test
    void aLinkedSubmissionRootIsFollowedOnce() throws IOException {
        // the submission itself may be reached through a link: its real path is the boundary
        write("org/vmaware/lab00/Joiner.java");
        Path alias = Files.createTempDirectory("alias").resolve("submission");
        try {
            Files.createSymbolicLink(alias, submission);
            Intake.Taken taken = Intake.take(lab(), alias);
            assertEquals(1, taken.files().size(), taken.notes()::toString);
        } finally {
            Files.deleteIfExists(alias);
            Files.deleteIfExists(alias.getParent());
        }
    }

    @Test
    void aHugeFileIsRefused() throws IOException {
        Path file = write("Joiner.java");
        Files.write(file, new byte[(int) Intake.MAX_FILE_BYTES + 1]);
        Intake.Taken taken = Intake.take(lab(), submission);
        assertTrue(taken.files().isEmpty());
        assertTrue(taken.notes().get(0).contains("larger than 512 KB"), taken.notes()::toString);
    }
}
