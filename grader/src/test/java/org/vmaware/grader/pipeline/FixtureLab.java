package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vmaware.grader.supervise.CheckCosts;

/**
 * The grader's own test lab ({@code src/test/fixture-lab}): one student file, {@code Joiner.java}, and three checks
 * (correctness on seeded inputs, a timing check against +=, a hidden check) worth 1 + 2 + 1 points. It is compiled
 * here once per JVM, the way the build compiles a real lab, so the pipeline can be tested without the labs.
 */
public final class FixtureLab {

    public static final Path DIR = Path.of("src/test/fixture-lab").toAbsolutePath();

    /** The Java release the fixture lab's sources are compiled for (its grading.json's "release"). */
    static final int RELEASE = release();
    static final Path SUBMISSIONS = DIR.resolve("submissions");
    private static LabHome home;

    private FixtureLab() {
    }

    public static synchronized LabHome home() {
        if (home == null) {
            try {
                home = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    private static int release() {
        try {
            return new ObjectMapper().readTree(DIR.resolve("grading.json").toFile()).path("release").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabHome build() throws IOException {
        Path out = Path.of("target/fixture-lab").toAbsolutePath();
        Grading.deleteTree(out);
        List<Path> classpath = new ArrayList<>();
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(Path.of(entry));
            }
        }
        Path starter = out.resolve("starter-classes");
        Path tests = out.resolve("test-classes");
        javac(DIR.resolve("src/main/java"), starter, classpath);
        List<Path> testPath = new ArrayList<>(classpath);
        testPath.add(starter);
        javac(DIR.resolve("src/test/java"), tests, testPath);
        LabHome descriptor;
        try {
            JsonNode json = new ObjectMapper().readTree(DIR.resolve("grading.json").toFile());
            descriptor = new LabHome(json.path("lab").asText(), json.path("title").asText(),
                    List.of("org/vmaware/lab00/Joiner.java"), List.of(json.path("jvmFlags").asText().split(" ")),
                    json.path("checkSeconds").asInt(), json.path("runSeconds").asInt(), RELEASE, List.of(DIR.resolve("src/main/java")),
                    tests, List.copyOf(classpath), ClassFilePolicy.LabPolicy.fromJson(json.path("policy")), CheckCosts.none(),
                    LabHome.hintLevel(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return descriptor;
    }

    private static void javac(Path sources, Path classes, List<Path> classpath) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", String.valueOf(RELEASE), "-proc:none", "-nowarn", "-d", classes.toString(),
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, null, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("the fixture lab does not compile: " + errors);
        }
    }

    /** Grades a submission directory of the fixture lab into {@code out} and returns results.json, read back. */
    static JsonNode grade(LabHome lab, Path submission, Path out) throws IOException, GradingException {
        return grade(lab, submission, out, false);
    }

    /** As {@link #grade(LabHome, Path, Path)}; {@code policyOff} grades with the class-file policy off. */
    static JsonNode grade(LabHome lab, Path submission, Path out, boolean policyOff) throws IOException,
            GradingException {
        // the progress lines are the CLI's; here they would only clutter the build's output
        PrintStream log = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Grading.grade(lab, submission, out, null, "full", log, policyOff);
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    /** The test entry with this id suffix ("#joins", "#faster", "#empty"). */
    static JsonNode check(JsonNode results, String method) {
        for (JsonNode test : results.path("tests")) {
            if (test.path("extra_data").path("id").asText().endsWith("#" + method)) {
                return test;
            }
        }
        throw new AssertionError("no check #" + method + " in " + results);
    }

    static String describe(JsonNode results) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "score %s:", results.path("score")));
        for (JsonNode test : results.path("tests")) {
            text.append(String.format(Locale.ROOT, "%n  %s %s %s: %s", test.path("number").asText(),
                    test.path("score"), test.path("extra_data").path("outcome").asText(),
                    test.path("output").asText().replace('\n', ' ')));
        }
        return text.toString();
    }
}
