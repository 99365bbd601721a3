package org.vmaware.grader.proof;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vmaware.grader.Hints;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.pipeline.ClassFilePolicy;
import org.vmaware.grader.pipeline.Compilation;
import org.vmaware.grader.pipeline.LabHome;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.runtime.GradedRun;
import org.vmaware.grader.supervise.CheckCosts;

/**
 * The instructor's proof of a lab: its reference solution earns every point and its pristine starter fails every
 * performance check, each graded check against the outcome it declares ({@code @Graded(reference, starter)}).
 *
 * <p>The starter is taken as committed ({@code git show HEAD:...}), so a working copy edited to try the lab can
 * never turn the proof green or red by accident. Both editions are compiled here and graded in a fresh JVM with
 * the timed JVM flags. A reference check that comes out INCONCLUSIVE is run again in a fresh JVM; if it stays
 * so, the proof fails and prints its measurements: a check that cannot decide on this machine is a defect.</p>
 *
 * <pre>
 * java -cp TEST_CLASSPATH org.vmaware.grader.proof.ProveEditions --lab-dir lab03-strings --jvm-flags "-Xmx256m ..."
 * </pre>
 */
public final class ProveEditions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path labDir;
    private final String lab;
    private final List<String> jvmFlags;
    private final List<String> dependencies;
    private final Path testClasses;
    private final Path work;
    private final List<String> problems = new ArrayList<>();

    private final List<Run> runs = new ArrayList<>();
    /** Where each run's timing verdicts are appended, one JSON line each, or null ({@link CampaignRecord}). */
    private CampaignRecord record;
    private boolean writeCosts;

    private ProveEditions(Path labDir, List<String> jvmFlags, String classpath) {
        this.labDir = labDir.toAbsolutePath().normalize();
        this.lab = this.labDir.getFileName().toString();
        this.jvmFlags = jvmFlags;
        this.testClasses = this.labDir.resolve("target/test-classes");
        this.work = this.labDir.resolve("target/proof");
        Path mainClasses = this.labDir.resolve("target/classes");
        this.dependencies = Stream.of(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .filter(s -> !samePath(s, mainClasses) && !samePath(s, testClasses)).collect(Collectors.toList());
    }

    public static void main(String[] args) throws IOException {
        System.exit(prove(args));
    }

    /**
     * Proves a lab and returns the exit status: 0 proven, 1 not proven, 2 a usage error.
     *
     * @param args {@code --lab-dir=DIR [--jvm-flags="FLAGS"] [--repeat=N] [--classpath TEST_DEPENDENCIES]}
     */
    public static int prove(String... args) throws IOException {
        Path labDir = null;
        String flags = "";
        int repeat = 1;
        boolean writeCosts = false;
        String classpath = System.getProperty("java.class.path");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--classpath") && i + 1 < args.length) {
                classpath = args[++i]; // as exec:exec's <classpath/> gives it: a separate argument
            } else if (arg.startsWith("--lab-dir=")) {
                labDir = Path.of(arg.substring("--lab-dir=".length()));
            } else if (arg.startsWith("--jvm-flags=")) {
                flags = arg.substring("--jvm-flags=".length());
            } else if (arg.startsWith("--repeat=")) {
                try {
                    repeat = Integer.parseInt(arg.substring("--repeat=".length()));
                } catch (NumberFormatException e) {
                    repeat = 0;
                }
                if (repeat < 1) {
                    System.err.println("ProveEditions: --repeat needs a whole number of runs, 1 or more: " + arg);
                    return 2;
                }
            } else if (arg.startsWith("--write-costs=")) {
                writeCosts = Boolean.parseBoolean(arg.substring("--write-costs=".length()));
            } else if (arg.startsWith("--classpath=")) {
                classpath = arg.substring("--classpath=".length());
            } else {
                System.err.println("ProveEditions: unknown argument " + arg);
                System.err.println("usage: ProveEditions --lab-dir=DIR [--jvm-flags=\"FLAGS\"] [--repeat=N]"
                        + " [--write-costs=true] [--classpath TEST_DEPENDENCIES]");
                return 2;
            }
        }
        if (labDir == null || !Files.isDirectory(labDir)) {
            System.err.println("ProveEditions: --lab-dir must name a lab's directory" + (labDir == null ? "" : ": " + labDir));
            return 2;
        }
        List<String> jvmFlags = flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
        ProveEditions proof = new ProveEditions(labDir, jvmFlags, classpath);
        proof.writeCosts = writeCosts;
        int status = proof.proveOnce();
        for (int i = 2; i <= repeat && status == 0; i++) {
            System.out.printf(Locale.ROOT, "%n[self-check] run %d of %d%n", i, repeat);
            status = proof.proveAgain();
        }
        if (repeat > 1) {
            System.out.print(SelfCheckReport.render(proof.lab, proof.runs));
            status = status != 0 ? status : SelfCheckReport.wrongVerdicts(proof.runs) > 0 ? 1 : 0;
        }
        return status;
    }

    /**
     * The self-check of one lab: grades its reference and its pristine starter {@code repeat} times (all of them,
     * even after a wrong verdict, so the rates count every run), prints the figures and returns them.
     *
     * @param classpath the tests' dependencies (the grader, JUnit, commons-lang), as a class path
     */
    public static Figures selfCheck(Path labDir, List<String> jvmFlags, String classpath, int repeat) throws IOException {
        return selfCheck(labDir, jvmFlags, classpath, repeat, false, null);
    }

    /**
     * As {@link #selfCheck(Path, List, String, int)}, for a campaign of verdicts: after the first run, which grades
     * every check, the repeats grade only the timing checks if {@code timingOnly}, each still in a fresh JVM; every
     * run's timing verdicts are appended to {@code record} if it is given.
     */
    public static Figures selfCheck(Path labDir, List<String> jvmFlags, String classpath, int repeat,
            boolean timingOnly, CampaignRecord record) throws IOException {
        long start = System.nanoTime();
        ProveEditions proof = new ProveEditions(labDir, jvmFlags, classpath);
        proof.record = record;
        int status = proof.proveOnce();
        List<String> repeated = timingOnly ? proof.timingChecks() : List.of();
        for (int i = 2; i <= repeat && !proof.runs.isEmpty(); i++) {
            System.out.printf(Locale.ROOT, "%n[self-check] %s: run %d of %d%n", proof.lab, i, repeat);
            status = Math.max(status, proof.proveAgain(repeated));
        }
        System.out.print(SelfCheckReport.render(proof.lab, proof.runs));
        int wrong = SelfCheckReport.wrongVerdicts(proof.runs);
        int verdicts = 0;
        int inconclusive = 0;
        List<Double> timingSeconds = new ArrayList<>();
        for (Run run : proof.runs) {
            for (JsonNode check : run.checks()) {
                verdicts++;
                JsonNode extra = check.path("extra_data");
                inconclusive += extra.path("outcome").asText().equals("INCONCLUSIVE") ? 1 : 0;
                if (extra.path("kind").asText().equals("TIMING")) {
                    timingSeconds.add(extra.path("elapsed_ms").asDouble() / 1000.0);
                }
            }
        }
        if (proof.runs.isEmpty()) {
            status = Math.max(status, 1);
        }
        return new Figures(proof.lab, status, verdicts, wrong, inconclusive, timingSeconds,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * A lab's self-check in numbers.
     *
     * @param lab           the lab
     * @param status        0 proven in every run, 1 not
     * @param verdicts      graded verdicts, both editions, every run
     * @param wrong         verdicts against the declared expectation
     * @param inconclusive  INCONCLUSIVE verdicts
     * @param timingSeconds seconds each timing verdict took
     * @param millis        wall time of the whole self-check of the lab
     */
    public record Figures(String lab, int status, int verdicts, int wrong, int inconclusive, List<Double> timingSeconds,
            long millis) {
    }

    private int proveOnce() throws IOException {
        if (!Files.isDirectory(testClasses)) {
            return fail("no compiled tests in " + testClasses + ": run the test-compile phase first");
        }
        List<String> revealing = RevealingGenerators.in(testClasses);
        if (!revealing.isEmpty()) {
            // a problem with the tests, not one that stops the grading: the proof goes on and reports it with the rest
            fail("the tests create random generators whose outputs reveal the next ones:\n- "
                    + String.join("\n- ", revealing) + "\ngraded inputs must come from"
                    + " GradingSettings.current().random(name) (a keyed generator whose outputs do not reveal the next"
                    + " ones); a java.util.Random or SplittableRandom in a test lets a submission predict its inputs");
        }
        Path referenceSources = labDir.resolve("src/solution/java");
        if (!Files.isDirectory(referenceSources)) {
            return fail("no reference solution in " + referenceSources);
        }
        deleteTree(work);
        Path starterSources = pristineStarter();
        List<String> tools = ChildClassPath.toolsIn(dependencies);
        if (!tools.isEmpty()) {
            fail("the graded JVMs' class path holds the grader's tools or their libraries: " + String.join(", ", tools)
                    + "; a lab's tests depend on grader-runtime, not on grader");
        }
        List<String> identical = identicalInBothEditions(starterSources, referenceSources);
        if (!identical.isEmpty()) {
            fail("the same in src/main/java and src/solution/java: " + String.join(", ", identical)
                    + "; a class both editions share belongs in src/given/java");
        }
        Map<String, JsonNode> reference = grade("reference", referenceSources);
        Map<String, JsonNode> starter = grade("starter", starterSources);
        if (reference == null || starter == null) {
            return report(Map.of(), Map.of());
        }
        retryInconclusiveReference(reference);
        checkCosts(reference);
        Path readme = labDir.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            HandoutTable.problems(Files.readString(readme), reference.values()).forEach(this::fail);
        } else {
            fail("no README.md: a lab's handout is its README, with the task table the proof holds to the rubric");
        }
        return report(reference, starter);
    }

    /** Grades both editions again, already compiled: the self-check's repeated runs. */
    private int proveAgain() throws IOException {
        return proveAgain(List.of());
    }

    /**
     * Each check's cost on the reference against {@code LAB/check-costs.json}, from which the checks' time limits
     * follow: written where it is missing (or with {@code --write-costs=true}); else each check must run in under
     * half the limit its recorded cost gives it, so a reference never comes near its limit.
     */
    private void checkCosts(Map<String, JsonNode> reference) throws IOException {
        Map<String, Double> measured = new java.util.TreeMap<>();
        reference.forEach((id, test) -> {
            double millis = test.path("extra_data").path("elapsed_ms").asDouble(-1);
            if (millis >= 0) {
                measured.put(id, millis / 1000.0);
            }
        });
        Path file = labDir.resolve(CheckCosts.FILE);
        if (writeCosts || !Files.isRegularFile(file)) {
            CheckCosts.of(measured).write(file);
            System.out.println("[proof] " + lab + ": wrote " + CheckCosts.FILE + ", each check's cost on the reference"
                    + " (commit it: the checks' time limits follow from it)");
            return;
        }
        CheckCosts recorded = CheckCosts.read(file);
        for (Map.Entry<String, Double> check : measured.entrySet()) {
            String id = check.getKey();
            int limit = recorded.limit(id, Integer.MAX_VALUE);
            if (recorded.cost(id) < 0) {
                fail(id + " has no cost in " + CheckCosts.FILE + ": record it with ./mvnw verify -Dproof.writeCosts=true");
            } else if (check.getValue() > limit / 2.0) {
                fail(String.format(Locale.ROOT, "%s took %.1f s on the reference, more than half of its %d s limit"
                        + " (%.2f s in %s): record the costs again with ./mvnw verify -Dproof.writeCosts=true", id,
                        check.getValue(), limit, recorded.cost(id), CheckCosts.FILE));
            }
        }
    }

    /** Grades both editions again, already compiled, only the given checks (all of them if none is given). */
    private int proveAgain(List<String> checks) throws IOException {
        problems.clear();
        Map<String, JsonNode> reference = run("reference", work.resolve("reference-classes"), checks, false);
        Map<String, JsonNode> starter = run("starter", work.resolve("starter-classes"), checks, false);
        if (reference == null || starter == null) {
            return report(Map.of(), Map.of());
        }
        retryInconclusiveReference(reference);
        return report(reference, starter);
    }

    /** The starter as committed: git's HEAD copy of src/main/java, or the working copy where there is no git. */
    private Path pristineStarter() throws IOException {
        Path working = labDir.resolve("src/main/java");
        Path target = work.resolve("starter-src");
        Git git = Git.at(labDir);
        if (git == null) {
            System.out.println("[proof] " + lab + ": not a git checkout, so the starter is src/main/java as it is");
            return working;
        }
        String prefix = git.relative(working);
        List<String> files = git.trackedFiles(prefix);
        if (files.isEmpty()) {
            System.out.println("[proof] " + lab + ": src/main/java is not committed yet, so the starter is the working copy");
            return working;
        }
        boolean edited = false;
        for (String file : files) {
            byte[] committed = git.show(file);
            Path out = target.resolve(file.substring(prefix.length() + 1));
            Files.createDirectories(out.getParent());
            Files.write(out, committed);
            Path current = git.top().resolve(file);
            edited |= !Files.exists(current) || !Arrays.equals(Files.readAllBytes(current), committed);
        }
        if (edited) {
            System.out.println("[proof] " + lab + ": src/main/java differs from the committed starter; the proof uses"
                    + " the committed one");
        }
        return target;
    }

    private Map<String, JsonNode> grade(String edition, Path sources) throws IOException {
        Path classes = work.resolve(edition + "-classes");
        String compileErrors = compile(sources, classes);
        if (compileErrors != null) {
            fail("the " + edition + " edition does not compile:\n" + compileErrors);
            return null;
        }
        List<String> refused = refusedByPolicy(sources, classes);
        if (!refused.isEmpty()) {
            fail("the " + edition + " edition uses what the command-line grader refuses in a submission:\n- "
                    + String.join("\n- ", refused));
            return null;
        }
        return run(edition, classes, List.of(), false);
    }

    /** The ids of the timing checks the first run graded. */
    private List<String> timingChecks() {
        return runs.isEmpty() ? List.of() : runs.get(0).checks().stream()
                .filter(c -> c.path("extra_data").path("kind").asText().equals("TIMING"))
                .map(c -> c.path("extra_data").path("id").asText()).collect(Collectors.toList());
    }

    private Map<String, JsonNode> run(String edition, Path classes, List<String> only, boolean rerun)
            throws IOException {
        Path reportDir = work.resolve(edition + (rerun ? "-rerun" : ""));
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Dgrade.edition=" + edition);
        flags.add("-Dgrade.lab=" + lab);
        flags.add("-Dgrade.mode=full");
        flags.add("-D" + Hints.PROPERTY + "=" + hintLevel().key());
        flags.add("-Dgrade.reportDir=" + reportDir);
        flags.add("-Dgrade.jvmFlags=" + String.join(" ", jvmFlags));
        List<String> args = new ArrayList<>(List.of("--tests", testClasses.toString()));
        if (!only.isEmpty()) {
            args.add("--only");
            args.add(String.join(",", only));
        }
        String classpath = Stream.concat(Stream.of(testClasses.toString(), classes.toString()), dependencies.stream())
                .collect(Collectors.joining(File.pathSeparator));
        ForkedJvm.Result result = ForkedJvm.main(GradedRun.class.getName()).flags(flags).classpath(classpath)
                .args(args).timeout(Duration.ofMinutes(10)).echo(System.out::println).run();
        Path json = reportDir.resolve("results.json");
        if (!result.ok() || !Files.exists(json)) {
            fail(String.format(Locale.ROOT, "grading the %s edition %s (exit %d)%s", edition,
                    result.timedOut() ? "ran past 10 minutes" : "did not finish cleanly", result.exitCode(),
                    Files.exists(json) ? "" : "; it wrote no results.json"));
            return null;
        }
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        for (JsonNode test : JSON.readTree(json.toFile()).path("tests")) {
            checks.put(test.path("extra_data").path("id").asText(), test);
        }
        Run run = new Run(edition, rerun, result.millis(), List.copyOf(checks.values()));
        runs.add(run);
        if (record != null) {
            record.append(lab, run);
        }
        return checks;
    }

    private void retryInconclusiveReference(Map<String, JsonNode> reference) throws IOException {
        List<String> inconclusive = reference.entrySet().stream()
                .filter(e -> outcome(e.getValue()).equals("INCONCLUSIVE") && !machineDependent(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toList());
        if (inconclusive.isEmpty()) {
            return;
        }
        System.out.println("[proof] " + lab + ": re-running " + inconclusive.size()
                + " INCONCLUSIVE reference check(s) in a fresh JVM: " + inconclusive);
        Map<String, JsonNode> rerun = run("reference", work.resolve("reference-classes"), inconclusive, true);
        if (rerun != null) {
            reference.putAll(rerun);
        }
    }

    private int report(Map<String, JsonNode> reference, Map<String, JsonNode> starter) {
        if (reference.isEmpty() && problems.isEmpty()) {
            problems.add("no graded check ran");
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n[proof] %s: every graded check against its declared outcome%n", lab));
        table.append(String.format(Locale.ROOT, "  %-58s %-28s %-28s%n", "check", "reference (expected: got)",
                "starter (expected: got)"));
        List<String> ids = new ArrayList<>(reference.keySet());
        starter.keySet().stream().filter(id -> !reference.containsKey(id)).forEach(ids::add);
        ids.sort(Comparator.comparing((String id) -> (reference.containsKey(id) ? reference : starter).get(id)
                .path("name").asText()));
        for (String id : ids) {
            JsonNode ref = reference.get(id);
            JsonNode start = starter.get(id);
            String refCell = cell(id, "reference", ref, "expect_reference");
            String startCell = cell(id, "starter", start, "expect_starter");
            String name = (ref != null ? ref : start).path("name").asText();
            table.append(String.format(Locale.ROOT, "  %-58s %-28s %-28s%n", abbreviate(name, 58), refCell, startCell));
        }
        System.out.print(table);
        if (problems.isEmpty()) {
            System.out.printf(Locale.ROOT, "[proof] %s: PROVEN: the reference earns %s of %s points, and the pristine"
                    + " starter fails every performance check.%n", lab, total(reference, "score"),
                    total(reference, "max_score"));
            return 0;
        }
        System.out.println("[proof] " + lab + ": NOT PROVEN:");
        problems.forEach(p -> System.out.println("  - " + p.replace("\n", "\n    ")));
        return 1;
    }

    private String cell(String id, String edition, JsonNode test, String expectField) {
        if (test == null) {
            problems.add(id + " did not run on the " + edition + " edition");
            return "missing";
        }
        String expected = test.path("extra_data").path(expectField).asText();
        String got = outcome(test);
        boolean allowed = got.equals("INCONCLUSIVE") && machineDependent(test);
        boolean ok;
        switch (expected) {
            case "PASS":
                ok = got.equals("PASS");
                break;
            case "FAIL":
                ok = got.equals("FAIL") || got.equals("PARTIAL");
                break;
            default:
                ok = !got.equals("INCONCLUSIVE") && !got.equals("SKIPPED");
        }
        ok |= allowed;
        if (!ok) {
            problems.add(String.format(Locale.ROOT, "%s on the %s edition: expected %s, got %s%n%s", test.path("name").asText(),
                    edition, expected, got, test.path("output").asText()));
        }
        return expected + ": " + got + (ok ? "" : "  <-- WRONG") + (allowed ? " (machine-dependent)" : "");
    }

    private static String outcome(JsonNode test) {
        return test.path("extra_data").path("outcome").asText();
    }

    private static boolean machineDependent(JsonNode test) {
        return ResultsJson.machineDependent(test);
    }

    private static String total(Map<String, JsonNode> checks, String field) {
        double sum = checks.values().stream().mapToDouble(t -> t.path(field).asDouble()).sum();
        return sum == Math.rint(sum) ? String.valueOf((long) sum) : String.format(Locale.ROOT, "%.2f", sum);
    }

    /**
     * What the command-line grader's class-file policy refuses in this edition's student files (grading.json): an
     * edition that uses it could never be graded from a submission.
     */
    private List<String> refusedByPolicy(Path sources, Path classes) throws IOException {
        Path descriptor = labDir.resolve("grading.json");
        if (!Files.isRegularFile(descriptor)) {
            return List.of(descriptor + " is missing: it names the lab's student files");
        }
        List<String> studentFiles = new ArrayList<>();
        JsonNode json = JSON.readTree(descriptor.toFile());
        json.path("studentFiles").forEach(f -> studentFiles.add(f.asText()));
        List<String> given = new ArrayList<>();
        for (Path root : withGiven(sources)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                        .filter(p -> !studentFiles.contains(p)).forEach(given::add);
            }
        }
        return ClassFilePolicy.check(classes, given, studentFiles, ClassFilePolicy.LabPolicy.fromJson(json.path("policy")));
    }

    /** The hint level the lab's grading.json names: the proof prints the hints a student would read. */
    private Hints.Level hintLevel() throws IOException {
        Path descriptor = labDir.resolve("grading.json");
        try {
            return LabHome.hintLevel(JSON.readTree(descriptor.toFile()));
        } catch (IllegalArgumentException e) {
            throw new IOException(descriptor + ": " + e.getMessage(), e);
        }
    }

    /** The Java release the build compiles the lab for: target/grading/grading.json, which the build filled in. */
    private int release() throws IOException {
        Path descriptor = labDir.resolve("target/grading/grading.json");
        int release = Files.isRegularFile(descriptor) ? JSON.readTree(descriptor.toFile()).path("release").asInt(0) : 0;
        if (release < 17) {
            throw new IOException(descriptor + " names no Java release (run ./mvnw package first; the lab's grading.json"
                    + " needs \"release\": \"${maven.compiler.release}\")");
        }
        return release;
    }

    /** An edition's source roots: the lab's given classes (src/given/java, where it has one), then the edition's. */
    private List<Path> withGiven(Path sources) {
        Path given = labDir.resolve("src/given/java");
        return Files.isDirectory(given) ? List.of(given, sources) : List.of(sources);
    }

    /**
     * The files that are the same in the starter and the reference: a class both editions share is given
     * (src/given/java), so that it is written once and a student's tree holds only what the student edits.
     */
    private List<String> identicalInBothEditions(Path starter, Path reference) throws IOException {
        List<String> same = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(starter)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                Path twin = reference.resolve(starter.relativize(file).toString());
                if (Files.isRegularFile(twin) && Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(twin))) {
                    same.add(starter.relativize(file).toString().replace(File.separatorChar, '/'));
                }
            }
        }
        return same;
    }

    private String compile(Path sources, Path classes) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : withGiven(sources)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        String errors = Compilation.javac(files, classes, String.join(File.pathSeparator, dependencies), release());
        return errors.isEmpty() ? null : errors;
    }

    private int fail(String problem) {
        problems.add(problem);
        return 1;
    }

    private static boolean samePath(String entry, Path path) {
        return Path.of(entry).toAbsolutePath().normalize().equals(path);
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /**
     * One graded JVM run of one edition, kept for the self-check's figures.
     *
     * @param edition "reference" or "starter"
     * @param rerun   whether it re-ran INCONCLUSIVE checks only
     * @param millis  wall time of the child JVM, start-up included
     * @param checks  the results.json test entries
     */
    record Run(String edition, boolean rerun, long millis, List<JsonNode> checks) {
    }

    /** The few git commands the proof needs, run as child processes. */
    private static final class Git {
        private final Path top;

        private Git(Path top) {
            this.top = top;
        }

        static Git at(Path dir) {
            try {
                String out = new String(exec(dir, "git", "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).trim();
                exec(dir, "git", "rev-parse", "--verify", "-q", "HEAD");
                return out.isEmpty() ? null : new Git(Path.of(out).toAbsolutePath().normalize());
            } catch (IOException e) {
                return null;
            }
        }

        Path top() {
            return top;
        }

        String relative(Path path) {
            return top.relativize(path.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
        }

        List<String> trackedFiles(String prefix) throws IOException {
            String out = new String(exec(top, "git", "ls-tree", "-r", "--name-only", "HEAD", "--", prefix),
                    StandardCharsets.UTF_8);
            return out.lines().filter(l -> l.endsWith(".java")).collect(Collectors.toList());
        }

        byte[] show(String file) throws IOException {
            return exec(top, "git", "show", "HEAD:" + file);
        }

        private static byte[] exec(Path dir, String... command) throws IOException {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            try {
                if (process.waitFor() != 0) {
                    throw new IOException(String.join(" ", command) + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return out;
        }
    }
}
