package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof on a tiny lab made here: it must prove correct expectations, and must refuse a starter that passes
 * what it should fail and a reference check that never decides.
 */
class ProveEditionsTest {

    private static final String GRADED_CHECKS = ""
            + "  @Graded(task = 1, points = 1, starter = Expect.FAIL)\n"
            + "  void isFortyTwo() { assertEquals(42, Answer.value()); }\n"
            + "  @Graded(task = 1, points = 1, starter = Expect.ANY)\n"
            + "  void isPositive() { assertTrue(Answer.value() > 0); }\n";

    @TempDir
    Path lab;

    @Test
    void provesWhenEveryCheckMeetsItsExpectation() throws IOException {
        makeLab(41, "");
        Proof proof = prove();
        assertEquals(0, proof.status, proof.output);
        assertTrue(proof.output.contains("PROVEN: the reference earns 2 of 2 points"), proof.output);
    }

    @Test
    void refusesAHandoutWhoseTaskTableSaysOtherPointsThanTheRubric() throws IOException {
        makeLab(41, "");
        write("README.md", "# demo\n\n| task | what | checks | points |\n|---|---|---|---|\n| 1 | the answer | 2 | 3 |\n");
        Proof proof = prove();
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("task table gives task 1 2 checks and 3 points; the rubric, 2 checks and 2"
                + " points"), proof.output);
    }

    @Test
    void refusesAFileTheStarterAndTheReferenceShare() throws IOException {
        makeLab(41, "");
        write("src/main/java/demo/Shared.java", "package demo;\nfinal class Shared {\n}\n");
        write("src/solution/java/demo/Shared.java", "package demo;\nfinal class Shared {\n}\n");
        Proof proof = prove();
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("the same in src/main/java and src/solution/java: demo/Shared.java; a class"
                + " both editions share belongs in src/given/java"), proof.output);
    }

    @Test
    void refusesAStarterThatPassesWhatItShouldFail() throws IOException {
        makeLab(42, "");
        Proof proof = prove();
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("FAIL: PASS  <-- WRONG"), proof.output);
        assertTrue(proof.output.contains("NOT PROVEN"), proof.output);
    }

    @Test
    void reRunsAnInconclusiveReferenceCheckThenRefusesIt() throws IOException {
        makeLab(41, "  @Graded(task = 2, points = 1, starter = Expect.ANY)\n"
                + "  void undecided() { throw new InconclusiveException(\"interval 9.8x to 10.3x, target 10x\"); }\n");
        Proof proof = prove();
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("re-running 1 INCONCLUSIVE reference check(s) in a fresh JVM"), proof.output);
        assertTrue(proof.output.contains("interval 9.8x to 10.3x"), "the measurements are printed: " + proof.output);
    }

    @Test
    void allowsInconclusiveWhereTheCheckSaysItDependsOnTheMachine() throws IOException {
        makeLab(41, "  @Graded(task = 2, points = 1, starter = Expect.ANY, machineDependent = \"needs two free CPUs\")\n"
                + "  void undecided() { throw new InconclusiveException(\"one CPU only\"); }\n");
        Proof proof = prove();
        assertEquals(0, proof.status, proof.output);
        assertTrue(proof.output.contains("(machine-dependent)"), proof.output);
    }

    @Test
    void refusesAReferenceThatNoSubmissionCouldUse() throws IOException {
        makeLab(answer(41), "package demo;\npublic final class Answer {\n  public static int value() {\n"
                + "    return Integer.parseInt(System.getProperty(\"answer\", \"42\"));\n  }\n}\n", "");
        Proof proof = prove();
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("the reference edition uses what the command-line grader refuses")
                && proof.output.contains("java.lang.System.getProperty"), proof.output);
    }

    @Test
    void usageErrorsSaySoAndExitWithTwo() throws IOException {
        Proof unknown = prove("--no-such-option");
        assertEquals(2, unknown.status);
        assertTrue(unknown.output.contains("unknown argument --no-such-option") && unknown.output.contains("usage:"),
                unknown.output);
        Proof missing = prove("--lab-dir=" + lab.resolve("missing"));
        assertEquals(2, missing.status);
        assertTrue(missing.output.contains("--lab-dir must name a lab's directory"), missing.output);
        Proof repeat = prove("--lab-dir=" + lab, "--repeat=zero");
        assertEquals(2, repeat.status);
        assertTrue(repeat.output.contains("--repeat needs a whole number"), repeat.output);
    }

    /** The demo lab's Java release (its grading.json's, as the build would fill it in). */
    private static final int RELEASE = 17;

    /** A lab whose starter returns {@code starterValue} and whose reference returns 42. */
    private void makeLab(int starterValue, String extraChecks) throws IOException {
        makeLab(answer(starterValue), answer(42), extraChecks);
    }

    private void makeLab(String starter, String reference, String extraChecks) throws IOException {
        write("grading.json", "{\"studentFiles\": [\"demo/Answer.java\"], \"release\": " + RELEASE + "}\n");
        write("target/grading/grading.json", "{\"studentFiles\": [\"demo/Answer.java\"], \"release\": " + RELEASE + "}\n");
        write("README.md", handout(GRADED_CHECKS + extraChecks));
        write("src/main/java/demo/Answer.java", starter);
        write("src/solution/java/demo/Answer.java", reference);
        write("src/test/java/demo/AnswerTest.java", "package demo;\n"
                + "import static org.junit.jupiter.api.Assertions.*;\n"
                + "import org.vmaware.grader.*;\n"
                + "class AnswerTest {\n" + GRADED_CHECKS + extraChecks + "}\n");
        compile(lab.resolve("src/main/java"), lab.resolve("target/classes"), System.getProperty("java.class.path"));
        compile(lab.resolve("src/test/java"), lab.resolve("target/test-classes"),
                lab.resolve("target/classes") + File.pathSeparator + System.getProperty("java.class.path"));
    }

    /** A handout whose task table says what the checks are: per task, their count and points. */
    private static String handout(String checks) {
        Map<Integer, double[]> tasks = new TreeMap<>();
        Matcher graded = Pattern.compile("task = ([0-9]+), points = ([0-9.]+)").matcher(checks);
        while (graded.find()) {
            double[] sums = tasks.computeIfAbsent(Integer.parseInt(graded.group(1)), k -> new double[2]);
            sums[0]++;
            sums[1] += Double.parseDouble(graded.group(2));
        }
        StringBuilder table = new StringBuilder("# demo\n\n| task | what | checks | points |\n|---|---|---|---|\n");
        tasks.forEach((task, sums) -> table.append(String.format(Locale.ROOT, "| %d | the answer | %d | %s |%n", task,
                (int) sums[0], sums[1] == Math.rint(sums[1]) ? String.valueOf((long) sums[1]) : String.valueOf(sums[1]))));
        return table.toString();
    }

    private static String answer(int value) {
        return "package demo;\npublic final class Answer {\n  public static int value() { return " + value + "; }\n}\n";
    }

    private Proof prove() throws IOException {
        return prove("--lab-dir=" + lab, "--jvm-flags=-Xmx64m -XX:+UseSerialGC", "--classpath=" + GRADED_CLASS_PATH);
    }

    /** As a lab's build gives it: this JVM's class path without the grader's tools (which these tests also use). */
    static final String GRADED_CLASS_PATH = gradedClassPath();

    private static String gradedClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try {
            return String.join(File.pathSeparator, ChildClassPath.withoutTools(List.of(path.split(File.pathSeparator))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refusesAGradedClassPathThatHoldsTheTools() throws IOException {
        makeLab(41, "");
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Proof proof = prove("--lab-dir=" + lab, "--jvm-flags=-Xmx64m -XX:+UseSerialGC", "--classpath=" + path);
        assertEquals(1, proof.status, proof.output);
        assertTrue(proof.output.contains("the graded JVMs' class path holds the grader's tools"), proof.output);
    }

    /** Runs the proof with its stdout and stderr captured (the build's own output stays clean). */
    static Proof prove(String... args) throws IOException {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            status = ProveEditions.prove(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Proof(status, captured.toString(StandardCharsets.UTF_8));
    }

    private void write(String relative, String text) throws IOException {
        Path file = lab.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static void compile(Path sources, Path classes, String classpath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", String.valueOf(RELEASE), "-proc:none", "-d", classes.toString(), "-cp",
                classpath));
        try (var files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, () -> "the fixture must compile: " + errors.toString(StandardCharsets.UTF_8));
    }

    static final class Proof {
        final int status;
        final String output;

        Proof(int status, String output) {
            this.status = status;
            this.output = output;
        }
    }
}
