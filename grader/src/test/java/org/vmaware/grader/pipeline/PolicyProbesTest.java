package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class-file policy's decision on each one-API probe of the attack corpus (60 probes, each a lab03
 * {@code CopyArithmetic} that uses one API), as {@code policy-probes/DECISIONS.tsv} states it. The build runs this on
 * JDK 17 and on JDK 25, so each decision is the same on both.
 */
class PolicyProbesTest {

    private static final String STUDENT_FILE = "org/vmaware/lab03/CopyArithmetic.java";

    static Stream<Arguments> probes() throws IOException {
        List<Arguments> probes = new ArrayList<>();
        for (String line : resource("DECISIONS.tsv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] field = line.split("\t", -1);
                probes.add(Arguments.of(field[0], field[1], field[2]));
            }
        }
        return probes.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("probes")
    void decides(String probe, String decision, String named, @TempDir Path work) throws IOException {
        Path source = work.resolve("src").resolve(STUDENT_FILE);
        Files.createDirectories(source.getParent());
        Files.writeString(source, resource(probe + ".java.txt"));
        // A probe may name the tests' classes: they are compiled apart, as the grader's own, and never checked.
        Path tests = work.resolve("tests");
        Path stub = work.resolve("stub/org/vmaware/lab03/grading/Rubric.java");
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, "package org.vmaware.lab03.grading; public final class Rubric {"
                + " public static double SPEEDUP_TARGET = 10; }");
        Files.writeString(stub.resolveSibling("Baselines.java"), "package org.vmaware.lab03.grading;"
                + " public final class Baselines { public static String plusLoop(java.util.List<String> p) {"
                + " return \"\"; } }");
        assertEquals("", Compilation.javac(List.of(stub, stub.resolveSibling("Baselines.java")), tests,
                System.getProperty("java.class.path"), FixtureLab.RELEASE));
        Path classes = work.resolve("classes");
        String errors = Compilation.javac(List.of(source), classes,
                System.getProperty("java.class.path") + File.pathSeparator + tests, FixtureLab.RELEASE);
        assertEquals("", errors, probe + " should compile");

        List<String> refused = ClassFilePolicy.check(classes, List.of(), List.of(STUDENT_FILE),
                ClassFilePolicy.LabPolicy.NONE);

        if (decision.equals("allowed")) {
            assertEquals(List.of(), refused, probe + " should be allowed");
        } else {
            assertTrue(refused.stream().anyMatch(r -> r.contains(named) && r.contains("refused")),
                    probe + " should be refused for " + named + ", got " + refused);
            assertTrue(refused.stream().allMatch(r -> r.startsWith("CopyArithmetic.java, ")),
                    "each refusal names the file and the method: " + refused);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PolicyProbesTest.class.getResourceAsStream("/policy-probes/" + name)) {
            if (in == null) {
                throw new IOException("no test resource policy-probes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
