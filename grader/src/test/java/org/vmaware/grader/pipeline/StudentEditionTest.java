package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student edition of this repository: no solutions anywhere, and a workflow pinned to its grading archive. */
class StudentEditionTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void holdsNoSolutionAndPinsItsGradingArchive() throws Exception {
        List<String> labs = LabHome.labsIn(REPOSITORY);
        StudentEdition.Exported exported = StudentEdition.export(REPOSITORY, labs, temp.resolve("edition"),
                "https://example.org/grading.tar.gz");
        Path dir = exported.dir();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> paths = walk.map(p -> dir.relativize(p).toString()).collect(Collectors.toList());
            assertTrue(paths.stream().noneMatch(p -> p.contains("solution")), "no solution: " + paths);
            assertTrue(paths.stream().noneMatch(p -> p.startsWith("grader/src/test")), "no grader self-tests");
        }
        for (String lab : labs) {
            assertTrue(Files.readString(dir.resolve(lab + "/README.md")).startsWith("> **Your edition of " + lab),
                    lab + " has a student README");
            assertTrue(Files.isDirectory(dir.resolve(lab + "/src/test/java")), lab + " keeps its tests for mvn test");
        }
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<proof.skip>true</proof.skip>"));
        assertTrue(Files.isExecutable(dir.resolve("mvnw")));

        String workflow = Files.readString(dir.resolve(".github/workflows/classroom.yml"));
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(exported.archive())));
        assertEquals(actual, exported.sha256());
        assertTrue(workflow.contains("GRADING_SHA256: \"" + actual + "\""), "the workflow pins the archive's checksum");
        assertTrue(workflow.contains("GRADING_URL: \"https://example.org/grading.tar.gz\""));
        assertTrue(workflow.contains("sha256sum -c -"), "and checks it");
        assertTrue(workflow.contains("--submission submission"), "grading takes only the student's files from the checkout");
        assertFalse(workflow.contains("@v4\n"), "actions are pinned by commit");

        List<String> entries = new ArrayList<>();
        try (InputStream file = Files.newInputStream(exported.archive());
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertTrue(entries.contains("grading/lab03-strings/src/test/java/org/vmaware/lab03/grading/Rubric.java"));
        assertTrue(entries.stream().noneMatch(e -> e.contains("solution") || e.contains(".github")), entries::toString);

        StudentEdition.Exported again = StudentEdition.export(REPOSITORY, labs, temp.resolve("again"), null);
        assertEquals(exported.sha256(), again.sha256(), "the archive is deterministic: the same edition, the same checksum");
        assertTrue(Files.readString(again.dir().resolve(".github/workflows/classroom.yml"))
                .contains(StudentEdition.URL_PLACEHOLDER), "without --grading-url the workflow says what to set");
    }
}
