package org.vmaware.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.GradingException;

/** Who each submission is, in Gradescope's export and in a folder of clones; the shard and seed rules. */
class SubmissionTest {

    @TempDir
    Path dir;

    @Test
    void gradescopesMetadataNamesTheSubmitters() throws Exception {
        Files.createDirectories(dir.resolve("submission_1001"));
        Files.createDirectories(dir.resolve("submission_1002"));
        Files.createDirectories(dir.resolve("submission_1003"));
        Files.writeString(dir.resolve(Submission.METADATA), """
                submission_1001:
                  :submitters:
                  - :name: Alice Liddell
                    :sid: '17'
                    :email: alice@example.edu
                  :created_at: 2026-11-30 10:00:00.000000000 -08:00
                  :score: 21.0
                submission_1002:
                  :submitters:
                  - :name: Bob
                    :email: bob@example.edu
                  - :name: Carol
                    :email: carol@example.edu
                """);
        List<Submission> found = Submission.in(dir);
        assertEquals(List.of("alice@example.edu", "bob@example.edu+carol@example.edu", "submission_1003"),
                found.stream().map(Submission::student).toList(), "the metadata's submitters, else the folder");
        assertEquals("submission_1001", found.get(0).folder().getFileName().toString());
    }

    @Test
    void aFolderOfClonesIsNamedByItsFolders() throws Exception {
        Files.createDirectories(dir.resolve("cs-java-lab03-strings-zoe"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("notes.txt"), "not a submission");
        assertEquals(List.of("cs-java-lab03-strings-zoe"), Submission.in(dir).stream().map(Submission::student).toList());
    }

    @Test
    void eachStudentIsInExactlyOneShardAndKeepsIt() throws Exception {
        for (String student : List.of("alice", "bob", "carol", "dave", "erin", "a@b.c")) {
            int holders = 0;
            for (int k = 1; k <= 3; k++) {
                holders += new Shard(k, 3).holds(student) ? 1 : 0;
            }
            assertEquals(1, holders, student);
        }
        // the rule is SHA-256's first 8 bytes: the same on every machine, in every run
        assertEquals(Shard.hash("alice"), Shard.hash("alice"));
        assertEquals(0x2bd806c97f0e00afL, Shard.hash("alice"));
        assertNotEquals(Shard.seed(1, "alice"), Shard.seed(2, "alice"));
        assertThrows(GradingException.class, () -> Shard.parse("0/3"));
        assertThrows(GradingException.class, () -> Shard.parse("4/3"));
        assertThrows(GradingException.class, () -> Shard.parse("1"));
    }
}
