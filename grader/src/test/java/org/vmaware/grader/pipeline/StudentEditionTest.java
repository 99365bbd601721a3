package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.Hints;

/**
 * The student edition of this repository: no solutions anywhere, each lab's hints at the one level its grading.json
 * names, and a workflow pinned to its grading archive.
 */
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
            String readme = Files.readString(dir.resolve(lab + "/README.md"));
            assertTrue(readme.startsWith("# " + lab), lab + " has its handout");
            assertFalse(readme.contains("<!--"), lab + "'s handout has no section markers left");
            assertTrue(readme.contains("./mvnw -pl " + lab + " -am test "), lab + "'s handout has its student commands");
            assertTrue(Files.isDirectory(dir.resolve(lab + "/src/test/java")), lab + " keeps its tests for mvn test");
        }
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<proof.skip>true</proof.skip>"));
        assertTrue(Files.isExecutable(dir.resolve("mvnw")));

        String workflow = Files.readString(dir.resolve(".github/workflows/grade.yml"));
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

        assertHintsAtTheLevelOfGradingJson(labs, dir);

        StudentEdition.Exported again = StudentEdition.export(REPOSITORY, labs, temp.resolve("again"), null);
        assertEquals(exported.sha256(), again.sha256(), "the archive is deterministic: the same edition, the same checksum");
        assertTrue(Files.readString(again.dir().resolve(".github/workflows/grade.yml"))
                .contains(StudentEdition.URL_PLACEHOLDER), "without --grading-url the workflow says what to set");
    }

    @Test
    void keepsOneLevelOfHintsAsAPropertiesFileReadsThem() throws Exception {
        String text = "# a comment\n2b.idea = the concept\n2b.api = Integer.valueOf, \\\n    then a second line\n"
                + "2b.answer = a \\\\ backslash, a\\nbreak\n1d.api = µs\n";
        String kept = HintsFile.onlyLevel(text, Hints.Level.API);
        Properties read = properties(kept);
        assertEquals(Set.of("1d.api", "2b.api"), read.stringPropertyNames());
        assertEquals("Integer.valueOf, then a second line", read.getProperty("2b.api"));
        assertEquals("µs", read.getProperty("1d.api"));
        assertEquals("a \\ backslash, a\nbreak", properties(HintsFile.onlyLevel(text, Hints.Level.ANSWER))
                .getProperty("2b.answer"), "escapes survive the round trip");
        assertEquals(kept, HintsFile.onlyLevel(kept, Hints.Level.API), "sorted, one line each: the same text again");
    }

    /** Each lab's hints in the edition are its own at grading.json's level, and no other level's. */
    private static void assertHintsAtTheLevelOfGradingJson(List<String> labs, Path dir) throws Exception {
        int withHints = 0;
        for (String lab : labs) {
            Path original = REPOSITORY.resolve(lab).resolve(HintsFile.PATH);
            if (!Files.isRegularFile(original)) {
                continue;
            }
            withHints++;
            Hints.Level level = LabHome.hintLevel(new ObjectMapper().readTree(REPOSITORY.resolve(lab + "/grading.json")
                    .toFile()));
            Properties all = properties(Files.readString(original));
            Properties kept = properties(Files.readString(dir.resolve(lab).resolve(HintsFile.PATH)));
            Set<String> atLevel = all.stringPropertyNames().stream().filter(k -> k.endsWith("." + level.key()))
                    .collect(Collectors.toSet());
            assertFalse(atLevel.isEmpty(), lab + " has hints at " + level.key());
            assertEquals(atLevel, kept.stringPropertyNames(), lab + ": only the " + level.key() + " hints");
            for (String key : atLevel) {
                assertEquals(all.getProperty(key).trim(), kept.getProperty(key), lab + " " + key);
            }
        }
        assertTrue(withHints >= 3, "lab01, lab03 and lab04 have hints");
        String lab03 = Files.readString(dir.resolve("lab03-strings").resolve(HintsFile.PATH));
        assertFalse(lab03.contains("String.join(\"\", pieces)"), "no answer in a student's copy: " + lab03);
    }

    private static Properties properties(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void keepsStudentSectionsAndLeavesOutInstructorSections() throws GradingException {
        String readme = "# lab\n\nshared\n\n<!-- instructor -->\n./mvnw test -Dgrade\n<!-- /instructor -->\n"
                + "<!-- student\n./mvnw test\n<!-- /student -->\n\nmore\n";
        assertEquals("# lab\n\nshared\n\n./mvnw test\n\nmore\n", StudentEdition.studentText("README.md", readme));
    }

    @Test
    void refusesMarkersThatDoNotPair() {
        for (String readme : List.of("<!-- instructor -->\nnever closed\n", "<!-- /student -->\n",
                "<!-- student\n<!-- instructor -->\n<!-- /instructor -->\n<!-- /student -->\n",
                "<!-- student\nan arrow --> ends the comment\n<!-- /student -->\n", "<!-- student -->\nshown\n")) {
            GradingException refused = assertThrows(GradingException.class,
                    () -> StudentEdition.studentText("lab/README.md", readme), readme);
            assertTrue(refused.getMessage().startsWith("lab/README.md:"), refused::getMessage);
        }
    }
}
