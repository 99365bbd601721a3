package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope zip, unpacked into a simulated {@code /autograder} tree and run as Gradescope runs it: setup.sh
 * once, then run_autograder for a submission, which must leave results.json in {@code results/}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GradescopeTest {

    @TempDir
    Path autograder;

    @Test
    void theZipGradesASubmissionInAnAutograderTree() throws Exception {
        Path zip = autograder.resolve("autograder.zip");
        Bundle.gradescope(FixtureLab.home(), zip);
        Map<String, Integer> modes = unzip(zip, Files.createDirectories(autograder.resolve("source")));
        assertEquals(0755, modes.get("setup.sh") & 0777, "setup.sh is executable in the zip");
        assertEquals(0755, modes.get("run_autograder") & 0777, "run_autograder is executable in the zip");
        assertTrue(modes.keySet().stream().noneMatch(name -> name.contains("solution")), "no solution in the zip");
        assertTrue(modes.containsKey("labs/lab00-fixture/test-classes/org/vmaware/lab00/grading/JoinerTest.class"));
        assertTrue(modes.containsKey("tools/classpath.txt"), "the grader's own class path, apart from the lab's");

        Path submission = Files.createDirectories(autograder.resolve("submission"));
        Files.copy(FixtureLab.DIR.resolve("src/solution/java/org/vmaware/lab00/Joiner.java"), submission.resolve("Joiner.java"));
        Files.writeString(submission.resolve("notes.txt"), "a file the grader must ignore");

        assertEquals(0, run("setup.sh"), "setup.sh succeeds where a JDK 17+ is on the PATH");
        assertEquals(0, run("run_autograder"));
        JsonNode results = new ObjectMapper().readTree(autograder.resolve("results/results.json").toFile());
        assertEquals(4.0, results.path("score").asDouble(), () -> FixtureLab.describe(results));
        assertEquals("hidden", FixtureLab.check(results, "empty").path("visibility").asText());
    }

    @Test
    void aGraderThatCannotRunStillLeavesAResultsFile() throws Exception {
        Path zip = autograder.resolve("autograder.zip");
        Bundle.gradescope(FixtureLab.home(), zip);
        unzip(zip, Files.createDirectories(autograder.resolve("source")));
        Files.writeString(autograder.resolve("source/tools/classpath.txt"), "tools/missing.jar\n");
        Files.createDirectories(autograder.resolve("submission"));
        assertEquals(0, run("run_autograder"));
        JsonNode results = new ObjectMapper().readTree(autograder.resolve("results/results.json").toFile());
        assertEquals(0.0, results.path("score").asDouble());
        assertTrue(results.path("output").asText().contains("not a grade of your code"), results::toString);
        assertFalse(results.path("output").asText().isBlank());
    }

    private int run(String script) throws IOException, InterruptedException {
        Path path = autograder.resolve("source").resolve(script);
        List<String> command = new ArrayList<>(List.of("bash", path.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(autograder.resolve(script + ".log").toFile());
        builder.environment().put("AUTOGRADER", autograder.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), script + " ended in time");
        int status = process.exitValue();
        if (status != 0) {
            System.err.println(Files.readString(autograder.resolve(script + ".log"), StandardCharsets.UTF_8));
        }
        return status;
    }

    /** Unpacks the zip, keeping its Unix modes; returns each entry's mode. */
    private static Map<String, Integer> unzip(Path zip, Path into) throws IOException {
        Map<String, Integer> modes = new HashMap<>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                modes.put(entry.getName(), entry.getUnixMode());
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), "no entry escapes the tree: " + entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        return modes;
    }
}
