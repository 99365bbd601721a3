package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.Hints;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.report.ScoreTable;
import org.vmaware.grader.report.Verdicts;
import org.vmaware.grader.runtime.GradedRun;
import org.vmaware.grader.supervise.Check;
import org.vmaware.grader.supervise.Supervisor;
import org.vmaware.grader.timing.Engine;

/**
 * Grades one submission of one lab, the parent side: takes the student files, compiles them with the grader's
 * own given sources, checks what the classes refer to, runs the lab's tests in child JVMs and writes the results.
 *
 * <p>The boundary is the process. The child runs the submission's code and the tests together; the parent
 * (this class) never runs submission code. It follows the child's "start" and "end" events, kills it when one
 * check runs past its limit or the whole run past its own, and starts a fresh child for the checks that remain.
 * A child that dies (System.exit, Runtime.halt, out of memory) costs only the check it was running. The parent
 * scores each check from its own catalog: points cannot exceed what the lab declares, and a check without a
 * result is a failure that says why. Only the parent writes to the output directory.</p>
 */
public final class Grading {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Output of a child kept for the reports; the rest is counted and dropped. */
    static final int OUTPUT_KEPT_BYTES = Supervisor.OUTPUT_KEPT_BYTES;
    private static final String OBSERVED = ResultsJson.OBSERVED;

    private final LabHome lab;
    private final Path work;
    private final PrintStream log;
    private final long seed;
    private final String mode;
    private final Sandbox sandbox;
    /** The tests and their class path, copied into the work folder: the child needs nothing outside it. */
    private Path stagedTests;
    private List<Path> stagedClasspath;

    private final boolean policyOff;
    /** Checks to profile whatever their outcome ({@code all} for every one); null: no profiles at all. */
    private final Set<String> explain;

    private Grading(LabHome lab, Path work, PrintStream log, long seed, String mode, Sandbox sandbox,
            boolean policyOff, Set<String> explain) {
        this.policyOff = policyOff;
        this.explain = explain;
        this.lab = lab;
        this.work = work;
        this.log = log;
        this.seed = seed;
        this.mode = mode;
        this.sandbox = sandbox;
    }

    /**
     * Grades and writes {@code results.json}, {@code junit.xml}, {@code summary.md} and {@code report.html} to
     * {@code out}.
     *
     * @param lab        the grader's copy of the lab
     * @param submission the submission, or null to grade the lab's own starter
     * @param out        the output directory (created)
     * @param seed       the input seed, or null for a fresh one
     * @param mode       {@code full} or {@code correctness}
     * @param log        progress for the person or pipeline running the grader
     * @return the results document (Gradescope's results.json)
     */
    public static ObjectNode grade(LabHome lab, Path submission, Path out, Long seed, String mode, PrintStream log)
            throws IOException, GradingException {
        return grade(lab, submission, out, seed, mode, log, false);
    }

    /**
     * As {@link #grade(LabHome, Path, Path, Long, String, PrintStream)}, with the class-file policy off when
     * {@code policyOff}: for the grader's own tests of what the operating system's boundary holds alone.
     */
    public static ObjectNode grade(LabHome lab, Path submission, Path out, Long seed, String mode, PrintStream log,
            boolean policyOff) throws IOException, GradingException {
        return grade(lab, submission, out, seed, mode, log, policyOff, null);
    }

    /**
     * As {@link #grade(LabHome, Path, Path, Long, String, PrintStream, boolean)}, with profiles (docs/profiles.md):
     * each failed timing check is profiled after the run's verdicts, and so is every check {@code explain} names
     * (its label such as {@code 2a}, its id, or {@code all}). Null: no profiles.
     */
    public static ObjectNode grade(LabHome lab, Path submission, Path out, Long seed, String mode, PrintStream log,
            boolean policyOff, Set<String> explain) throws IOException, GradingException {
        if (!Files.exists(out)) {
            Files.createDirectories(out);
            if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        }
        Path work = Files.createTempDirectory("vmaware-grade-");
        try (Sandbox sandbox = Sandbox.choose(false)) {
            List<String> exposed = sandbox.exposed(secrets(lab, out));
            if (!exposed.isEmpty()) {
                throw GradingException.usage("refusing to grade: the code under test could read what it must not.\n"
                        + String.join("\n", exposed));
            }
            sandbox.describeTo(log);
            long chosen = seed != null ? seed : new SecureRandom().nextLong();
            ObjectNode results = new Grading(lab, work, log, chosen, mode, sandbox, policyOff, explain).run(submission);
            Reports.writeAll(results, out);
            return results;
        } finally {
            deleteTree(work);
        }
    }

    /** What the child must not open: the lab's reference solution (in a repository), the report folder. */
    static List<Path> secrets(LabHome lab, Path out) throws IOException {
        List<Path> secrets = new ArrayList<>();
        // LAB/src/main/java: every lab of the same repository keeps its reference in ROOT/*/src/solution
        Path labDir = lab.studentRoot().toAbsolutePath().normalize();
        for (int up = 0; up < 3 && labDir != null; up++) {
            labDir = labDir.getParent();
        }
        Path root = labDir == null ? null : labDir.getParent();
        if (root != null && Files.isDirectory(labDir.resolve("src/solution"))) {
            try (Stream<Path> labs = Files.list(root)) {
                for (Path other : labs.collect(Collectors.toList())) {
                    if (Files.isDirectory(other.resolve("src/solution")) && Files.isRegularFile(other.resolve("grading.json"))) {
                        secrets.add(protect(other.resolve("src/solution")));
                    }
                }
            }
        }
        secrets.add(out);
        return secrets;
    }

    /**
     * The grader's own copy of a lab is the grader's to protect: its reference folder is made private to its
     * owner (chmod 700), which changes nothing for git or the build.
     */
    private static Path protect(Path solution) throws IOException {
        if (solution.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(solution, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        return solution;
    }

    private ObjectNode run(Path submission) throws IOException, GradingException {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Map<String, Path> taken = Map.of();
        if (submission != null) {
            Intake.Taken intake = Intake.take(lab, submission);
            taken = intake.files();
            notes.addAll(intake.notes());
            log.printf(Locale.ROOT, "[grade] took %d of %d student files from %s%n", taken.size(),
                    lab.studentFiles().size(), submission);
            notes.forEach(n -> log.println("[grade] " + n));
        }
        Compilation.Result compiled = Compilation.compile(lab, taken, work.resolve("submission"));
        String rejection = null;
        if (!compiled.ok()) {
            rejection = "The submission does not compile, so no check ran:\n" + compiled.errors();
        } else {
            if (policyOff) {
                notes.add("the class-file policy was OFF for this grading (--policy=off, for the grader's own tests):"
                        + " this is not a grade");
            }
            List<String> refused = policyOff ? List.of() : ClassFilePolicy.check(compiled.classes(), compiled.given(), lab.studentFiles(),
                    lab.policy());
            if (!refused.isEmpty()) {
                rejection = "The submission was refused before running, so no check ran: "
                        + "graded code may use only the plain Java library a lab needs (the threat model is in"
                        + " docs/threat-model.md).\n- " + String.join("\n- ", refused);
            }
        }
        long compiledAt = System.nanoTime();
        Path catalogClasses = compiled.classes();
        if (rejection != null) {
            log.println("[grade] " + rejection.lines().findFirst().orElse(""));
            notes.add(0, rejection); // at the top of the results: why nothing ran
            Compilation.Result starter = Compilation.compile(lab, Map.of(), work.resolve("starter"));
            if (!starter.ok()) {
                throw GradingException.usage("the lab's own sources do not compile:\n" + starter.errors());
            }
            catalogClasses = starter.classes();
        }
        stage(compiled.classes(), catalogClasses);
        Path classes = rejection != null ? catalogClasses : compiled.classes();
        Supervisor supervisor = new Supervisor(frames -> child(classes, frames), stagedTests.toString(),
                lab.checkSeconds(), lab.costs(), lab.runSeconds(), log, sandbox::killLeftovers);
        List<Check> catalog;
        long listedAt = System.nanoTime();
        try {
            if (rejection != null) {
                catalog = supervisor.catalog();
                listedAt = System.nanoTime();
                supervisor.noneRan(catalog, "NOT RUN", rejection);
            } else {
                catalog = supervisor.gradeAll();
                if (explain != null) {
                    long profilesStart = System.nanoTime();
                    supervisor.profile(catalog, explain);
                    int profiled = supervisor.profiled();
                    if (profiled > 0) {
                        log.printf(Locale.ROOT, "[grade] profiles: %d check(s) in %.1f s%n", profiled,
                                (System.nanoTime() - profilesStart) / 1e9);
                    }
                }
            }
        } catch (Supervisor.NoChecks e) {
            throw GradingException.usage(lab.name() + ": " + e.getMessage());
        }
        long end = System.nanoTime();
        // where a grading's time went, for an operator sizing a course's machines
        log.printf(Locale.ROOT, "[grade] time: %.1f s to compile and check the classes, %.1f s to stage the tests,"
                + " %.1f s to list and run the checks (%d JVM%s)%n", (compiledAt - start) / 1e9, (listedAt - compiledAt) / 1e9,
                (end - listedAt) / 1e9, supervisor.runs().count(), supervisor.runs().count() == 1 ? "" : "s");
        long seconds = Math.round((end - start) / 1e9);
        return document(supervisor, catalog, notes, taken, submission, seconds);
    }

    /** Copies the tests and their class path into the work folder, and opens it to the sandbox's uid. */
    private void stage(Path... classes) throws IOException {
        Path staged = work.resolve("stage");
        stagedTests = Sandbox.stage(lab.testClasses(), staged.resolve("test-classes"));
        stagedClasspath = new ArrayList<>();
        int i = 0;
        for (Path entry : lab.classpath()) {
            if (Files.exists(entry)) {
                stagedClasspath.add(Sandbox.stage(entry, staged.resolve("lib").resolve(i++ + "-" + entry.getFileName())));
            }
        }
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve("tmp"));
        sandbox.prepare(work, home);
    }

    private ForkedJvm child(Path classes, java.util.function.Consumer<Channel.Frame> frames) throws IOException {
        Path home = work.resolve("home");
        List<String> flags = new ArrayList<>(lab.jvmFlags());
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("-Djava.io.tmpdir=" + home.resolve("tmp"));
        flags.add("-Duser.home=" + home);
        flags.add("-Dgrade.lab=" + lab.name());
        flags.add("-Dgrade.mode=" + mode);
        flags.add("-Dgrade.seed=" + seed);
        flags.add("-Dgrade.edition=student");
        flags.add("-D" + Hints.PROPERTY + "=" + lab.hints().key());
        flags.add("-Dgrade.studentClasses=" + classes);
        flags.add("-Dgrade.jvmFlags=" + String.join(" ", lab.jvmFlags()));
        String classpath = Stream.concat(Stream.of(stagedTests), Stream.concat(stagedClasspath.stream(), Stream.of(classes)))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return ForkedJvm.main(GradedRun.class.getName()).flags(flags).classpath(classpath).workingDirectory(home)
                .outputLimit(OUTPUT_KEPT_BYTES).channel(frames).environment(sandbox.environment(home))
                .launcher(sandbox.launcher()).args("--channel");
    }

    private ObjectNode document(Supervisor supervisor, List<Check> catalog, List<String> notes, Map<String, Path> taken,
            Path submission, long seconds) throws IOException {
        Supervisor.Scored scored = supervisor.score(catalog);
        notes.addAll(supervisor.notes());
        double score = scored.score();
        double max = scored.max();
        List<String> observations = supervisor.observations();
        Supervisor.ChildRuns runs = supervisor.runs();
        StringBuilder output = new StringBuilder();
        output.append(String.format(Locale.ROOT, "%s: %s of %s points. Inputs seeded with %d (re-run a disputed"
                + " grade with --seed %d). sandbox: %s.", lab.name(), format(score), format(max), seed, seed,
                sandbox.kind()));
        notes.forEach(n -> output.append("\nnote: ").append(n));
        observations.forEach(o -> output.append('\n').append(OBSERVED).append(o));
        if (runs.droppedBytes() > 0) {
            output.append(String.format(Locale.ROOT, "%nnote: the code under test printed %,d bytes; the first and the last"
                    + " %,d of each test JVM were kept and the rest dropped", runs.totalBytes(), OUTPUT_KEPT_BYTES / 2));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lab", lab.name());
        extra.put("edition", submission == null ? "starter" : "submission");
        extra.put("mode", mode);
        extra.put("seed", seed);
        extra.put("engine_version", Engine.VERSION);
        extra.put("max_score", max);
        extra.put("java_version", System.getProperty("java.version"));
        extra.put("java_home", System.getProperty("java.home"));
        extra.put("test_jvm_flags", String.join(" ", lab.jvmFlags()));
        extra.put("check_limit_s", lab.checkSeconds());
        extra.put("run_limit_s", lab.runSeconds());
        extra.put("test_jvms", runs.count());
        extra.put("output_bytes", runs.totalBytes());
        extra.put("output_dropped_bytes", runs.droppedBytes());
        Map<String, Object> files = new LinkedHashMap<>();
        for (String file : lab.studentFiles()) {
            Path from = taken.get(file);
            files.put(file, from == null ? "starter" : "sha256:" + sha256(from));
        }
        extra.put("student_files", files);
        extra.put("processors", Runtime.getRuntime().availableProcessors());
        extra.put("sandbox", sandbox.kind());
        extra.put("observations", List.copyOf(observations));
        extra.put("notes", List.copyOf(notes));
        extra.put("test_jvm_output", runs.outputs());
        ObjectNode results = JSON.valueToTree(ResultsJson.document(score, seconds, output.toString(), extra, scored.tests()));
        Verdicts.sayInGradescope(results);
        if (lab.leaderboard()) {
            results.set("leaderboard", Leaderboard.entries(results));
        }
        return results;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String format(double points) {
        return ScoreTable.points(points);
    }

    /** Deletes a folder and all it holds (nothing where it does not exist). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
