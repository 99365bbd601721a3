package org.vmaware.grader.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vmaware.grader.Hints;
import org.vmaware.grader.supervise.CheckCosts;
import org.vmaware.grader.supervise.Supervisor;

/**
 * Everything the grader takes from its own copy of a lab: the descriptor ({@code grading.json}), the given sources
 * and the starter's versions of the student files, the compiled tests and their class path. Nothing here comes
 * from a submission.
 *
 * <p>Two layouts hold the same things:</p>
 * <pre>
 * repository (after ./mvnw package)          bundle (gradescope, export)
 * LAB/target/grading/grading.json             labs/LAB/grading.json
 * LAB/src/given/java (where there is one)     labs/LAB/src/main/java (both, in one tree)
 * LAB/src/main/java
 * LAB/target/test-classes                     labs/LAB/test-classes
 * LAB/target/grading/classpath.txt (jars)     labs/LAB/lib/ (classpath.txt lists it)
 * </pre>
 *
 * @param name          the lab's directory name, such as {@code lab03-strings}
 * @param title         one line for reports
 * @param studentFiles  the files students edit, relative to the source root ({@code org/vmaware/lab03/X.java})
 * @param jvmFlags      flags of the graded JVM (heap, GC), the same as the build's
 * @param checkSeconds  wall-time limit of one check
 * @param runSeconds    wall-time limit of the whole grading run
 * @param release       the Java release the sources are compiled for: the build's {@code maven.compiler.release}
 * @param sources       the source roots: the given sources, then the starter's student files (the last root)
 * @param testClasses   the compiled tests (thresholds, baselines, inputs)
 * @param classpath     the tests' dependencies: the grader, JUnit, commons-lang
 * @param policy        the lab's additions to the class-file policy's base list ({@code "policy"} in grading.json)
 * @param costs         each check's cost on the reference ({@code check-costs.json} beside grading.json), from
 *                      which its time limit follows
 * @param hints         how much a failed check's hint tells ({@code "hints"} in grading.json, idea where it names none)
 * @param leaderboard   whether Gradescope's results get a leaderboard of the timing checks' speed-ups
 *                      ({@code "leaderboard": true} in grading.json; off where it says nothing)
 */
public record LabHome(String name, String title, List<String> studentFiles, List<String> jvmFlags, int checkSeconds,
        int runSeconds, int release, List<Path> sources, Path testClasses, List<Path> classpath, ClassFilePolicy.LabPolicy policy,
        CheckCosts costs, Hints.Level hints, boolean leaderboard) {

    /** A lab without a leaderboard. */
    public LabHome(String name, String title, List<String> studentFiles, List<String> jvmFlags, int checkSeconds,
            int runSeconds, int release, List<Path> sources, Path testClasses, List<Path> classpath,
            ClassFilePolicy.LabPolicy policy, CheckCosts costs, Hints.Level hints) {
        this(name, title, studentFiles, jvmFlags, checkSeconds, runSeconds, release, sources, testClasses, classpath,
                policy, costs, hints, false);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A check's wall-time limit where grading.json names none: long enough for the slowest verdict on ½ CPU. */
    public static final int CHECK_SECONDS = Supervisor.CHECK_SECONDS;
    /** The whole run's wall-time limit where grading.json names none: within Gradescope's default of 10 minutes. */
    public static final int RUN_SECONDS = Supervisor.RUN_SECONDS;

    /** The lab named {@code lab} in a repository checkout whose labs have been built. */
    public static LabHome inRepository(Path root, String lab) throws GradingException {
        Path dir = root.resolve(lab);
        Path descriptor = dir.resolve("target/grading/grading.json");
        if (!Files.isRegularFile(dir.resolve("grading.json"))) {
            throw GradingException.usage("unknown lab '" + lab + "': labs here are " + String.join(", ", labsIn(root)));
        }
        if (!Files.isRegularFile(descriptor) || !Files.isDirectory(dir.resolve("target/test-classes"))) {
            throw GradingException.usage(lab + " is not built: run ./mvnw -B -ntp package -DskipTests first (it"
                    + " writes " + root.relativize(descriptor) + " and the compiled tests)");
        }
        List<Path> classpath = new ArrayList<>();
        try {
            for (String entry : Files.readString(dir.resolve("target/grading/classpath.txt")).trim()
                    .split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
        } catch (IOException e) {
            throw GradingException.usage(lab + " has no target/grading/classpath.txt: run ./mvnw -B -ntp package"
                    + " -DskipTests first");
        }
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(dir.resolve("src/given/java"))) {
            roots.add(dir.resolve("src/given/java"));
        }
        roots.add(dir.resolve("src/main/java"));
        return read(descriptor, lab, roots, dir.resolve("target/test-classes"), classpath,
                dir.resolve(CheckCosts.FILE));
    }

    /** The lab in a self-contained bundle directory (see the class comment). */
    public static LabHome inBundle(Path dir) throws GradingException {
        List<Path> classpath;
        try {
            classpath = Bundle.classpath(dir);
        } catch (IOException e) {
            throw GradingException.usage("not a lab bundle (no classpath.txt): " + dir);
        }
        return read(dir.resolve("grading.json"), dir.getFileName().toString(), List.of(dir.resolve("src/main/java")),
                dir.resolve("test-classes"), classpath, dir.resolve(CheckCosts.FILE));
    }

    private static LabHome read(Path descriptor, String lab, List<Path> sources, Path tests, List<Path> classpath,
            Path costsFile) throws GradingException {
        CheckCosts costs;
        try {
            costs = CheckCosts.read(costsFile);
        } catch (IOException e) {
            throw GradingException.usage("cannot read " + costsFile + ": " + e.getMessage());
        }
        JsonNode json;
        try {
            json = JSON.readTree(descriptor.toFile());
        } catch (IOException e) {
            throw GradingException.usage("cannot read " + descriptor + ": " + e.getMessage());
        }
        List<String> files = new ArrayList<>();
        json.path("studentFiles").forEach(f -> files.add(f.asText()));
        if (files.isEmpty()) {
            throw GradingException.usage(descriptor + " names no studentFiles");
        }
        Path studentRoot = sources.get(sources.size() - 1);
        for (String file : files) {
            if (!Files.isRegularFile(studentRoot.resolve(file))) {
                throw GradingException.usage(descriptor + " names " + file + ", which is not in " + studentRoot);
            }
        }
        String flags = json.path("jvmFlags").asText("").trim();
        int release = json.path("release").asInt(0);
        if (release < 17) {
            throw GradingException.usage(descriptor + " names no Java release of 17 or later (\"release\": the build"
                    + " fills in ${maven.compiler.release}): " + json.path("release"));
        }
        Hints.Level hints;
        try {
            hints = hintLevel(json);
        } catch (IllegalArgumentException e) {
            throw GradingException.usage(descriptor + ": " + e.getMessage());
        }
        return new LabHome(json.path("lab").asText(lab), json.path("title").asText(lab), List.copyOf(files),
                flags.isEmpty() ? List.of() : List.of(flags.split("\\s+")), json.path("checkSeconds").asInt(CHECK_SECONDS),
                json.path("runSeconds").asInt(RUN_SECONDS), release, List.copyOf(sources), tests, List.copyOf(classpath),
                ClassFilePolicy.LabPolicy.fromJson(json.path("policy")), costs, hints, json.path("leaderboard").asBoolean(false));
    }

    /**
     * The hint level a grading.json names ({@code "hints"}), {@code idea} where it names none.
     *
     * @throws IllegalArgumentException if it names no level
     */
    public static Hints.Level hintLevel(JsonNode descriptor) {
        return Hints.Level.parse(descriptor.path("hints").asText(Hints.Level.IDEA.key()));
    }

    /** The labs of a repository: the directories with a grading.json. */
    public static List<String> labsIn(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("grading.json"))).map(d -> d.getFileName().toString())
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The source root of the student files (the starter's versions): {@code src/main/java}. */
    public Path studentRoot() {
        return sources.get(sources.size() - 1);
    }

    /** A copy with other time limits (the command line's --check-seconds and --run-seconds). */
    public LabHome withLimits(int check, int run) {
        return new LabHome(name, title, studentFiles, jvmFlags, check, run, release, sources, testClasses, classpath, policy,
                costs, hints, leaderboard);
    }
}
