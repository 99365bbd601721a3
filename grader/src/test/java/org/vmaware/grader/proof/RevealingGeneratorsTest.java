package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests that create a revealing generator are found, call by call; drawing from a given one, and JMH, are not. */
class RevealingGeneratorsTest {

    private static final String TEST = "org.vmaware.lab00.grading.InputsTest.";

    @TempDir
    Path temp;

    @Test
    void findsEachWayOfCreatingARevealingGenerator() throws IOException {
        String inputs = """
                package org.vmaware.lab00.grading;
                import java.security.SecureRandom;
                import java.util.Collections;
                import java.util.List;
                import java.util.Random;
                import java.util.SplittableRandom;
                import java.util.concurrent.ThreadLocalRandom;
                import java.util.function.Supplier;
                import java.util.random.RandomGenerator;
                import java.util.random.RandomGeneratorFactory;
                class InputsTest {
                    long splittable() { return new SplittableRandom(7).nextLong(); }
                    long random() { return new Random(7).nextLong(); }
                    long threadLocal() { return ThreadLocalRandom.current().nextLong(); }
                    double math() { return Math.random() + StrictMath.random(); }
                    long named() { return RandomGenerator.of("L64X128MixRandom").nextLong(); }
                    long factory() { return RandomGeneratorFactory.of("L64X128MixRandom").create().nextLong(); }
                    Supplier<Random> reference() { return Random::new; }
                    void shuffled(List<Integer> l) { Collections.shuffle(l); Collections.shuffle(l, new SecureRandom()); }
                    long secure() { return new SecureRandom().nextLong(); }
                    double given(RandomGenerator random, SplittableRandom splittable) {
                        return random.nextInt(10) + random.doubles(3).sum() + splittable.split().nextInt();
                    }
                }
                """;
        assertEquals(List.of(TEST + "splittable: new java.util.SplittableRandom (line 12)",
                TEST + "random: new java.util.Random (line 13)",
                TEST + "threadLocal: java.util.concurrent.ThreadLocalRandom.current (line 14)",
                TEST + "math: java.lang.Math.random (line 15)",
                TEST + "math: java.lang.StrictMath.random (line 15)",
                TEST + "named: java.util.random.RandomGenerator.of (line 16)",
                TEST + "factory: java.util.random.RandomGeneratorFactory.of (line 17)",
                TEST + "reference: new java.util.Random (line 18)",
                TEST + "shuffled: java.util.Collections.shuffle (line 19)"),
                RevealingGenerators.in(compile(Map.of("org/vmaware/lab00/grading/InputsTest.java", inputs))));
    }

    @Test
    void skipsJmhBenchmarksAndTheClassesJmhGenerates() throws IOException {
        // stand-ins for JMH's annotations, so that the grader's tests need no JMH
        Path classes = compile(Map.of(
                "org/openjdk/jmh/annotations/State.java",
                "package org.openjdk.jmh.annotations; public @interface State { }",
                "org/openjdk/jmh/annotations/Benchmark.java",
                "package org.openjdk.jmh.annotations; public @interface Benchmark { }",
                "org/vmaware/lab00/StateBench.java",
                "package org.vmaware.lab00; @org.openjdk.jmh.annotations.State"
                        + " public class StateBench { Object r = new java.util.Random(1); }",
                "org/vmaware/lab00/MethodBench.java",
                "package org.vmaware.lab00; public class MethodBench { Object r = new java.util.SplittableRandom(1);"
                        + " @org.openjdk.jmh.annotations.Benchmark public void run() { } }",
                "org/vmaware/lab00/jmh_generated/MethodBench_run_jmhTest.java",
                "package org.vmaware.lab00.jmh_generated; class MethodBench_run_jmhTest {"
                        + " double m() { return Math.random(); } }",
                "org/vmaware/lab00/grading/InputsTest.java",
                "package org.vmaware.lab00.grading; class InputsTest { Object r = new java.util.Random(1); }"));
        assertEquals(List.of(TEST + "<init>: new java.util.Random (line 1)"), RevealingGenerators.in(classes));
    }

    /** Compiles the sources (relative path to text) and returns their classes' folder. */
    private Path compile(Map<String, String> sources) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
                temp.resolve("classes").toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = temp.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            args.add(Files.writeString(file, source.getValue()).toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, () -> "the sources must compile: " + errors.toString(StandardCharsets.UTF_8));
        return temp.resolve("classes");
    }
}
