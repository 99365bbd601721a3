package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.fork.Protocol;
import org.vmaware.grader.report.ResultsJson;
import org.vmaware.grader.runtime.GradedRun;
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

    /** Reads what children send: a frame may be as long as the channel allows, so may one string in it. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Channel.MAX_FRAME_BYTES).build()).build());
    /** Output of a child kept for the reports; the rest is counted and dropped. */
    static final int OUTPUT_KEPT_BYTES = 64 * 1024;
    private static final String OBSERVED = ResultsJson.OBSERVED;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

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

    private Grading(LabHome lab, Path work, PrintStream log, long seed, String mode, Sandbox sandbox,
            boolean policyOff) {
        this.policyOff = policyOff;
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
            ObjectNode results = new Grading(lab, work, log, chosen, mode, sandbox, policyOff).run(submission);
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
        Map<String, ObjectNode> outcomes = new LinkedHashMap<>();
        List<String> observations = new ArrayList<>();
        RunLog runs = new RunLog();
        List<Check> catalog;
        long listedAt = System.nanoTime();
        if (rejection != null) {
            catalog = catalog(catalogClasses);
            listedAt = System.nanoTime();
            for (Check check : catalog) {
                outcomes.put(check.id, failed(check, "NOT RUN", rejection));
            }
        } else {
            // Hidden checks run in a JVM of their own, after the visible ones, and its output is never shown. The
            // first JVM lists every check before it runs the visible ones: one start-up where two were spent.
            long deadline = System.nanoTime() + Duration.ofSeconds(lab.runSeconds()).toNanos();
            List<Check> listed = new ArrayList<>();
            runChecks(null, listed, compiled.classes(), outcomes, observations, runs, notes, deadline, false);
            if (!listed.isEmpty() && listed.stream().noneMatch(c -> c.graded)) {
                throw GradingException.usage(lab.name() + " has no graded checks in " + lab.testClasses());
            }
            catalog = listed.isEmpty() ? catalog(catalogClasses) : listed;
            if (listed.isEmpty()) {
                // the first JVM died before it could list the checks: list them apart and run the visible ones
                runChecks(catalog.stream().filter(c -> c.visibility.equals("visible")).collect(Collectors.toList()),
                        null, compiled.classes(), outcomes, observations, runs, notes, deadline, false);
            }
            List<Check> hidden = catalog.stream().filter(c -> !c.visibility.equals("visible"))
                    .collect(Collectors.toList());
            if (!hidden.isEmpty()) {
                runChecks(hidden, null, compiled.classes(), outcomes, observations, runs, notes, deadline, true);
            }
        }
        long end = System.nanoTime();
        // where a grading's time went, for an operator sizing a course's machines
        log.printf(Locale.ROOT, "[grade] time: %.1f s to compile and check the classes, %.1f s to stage the tests,"
                + " %.1f s to list and run the checks (%d JVM%s)%n", (compiledAt - start) / 1e9, (listedAt - compiledAt) / 1e9,
                (end - listedAt) / 1e9, runs.count, runs.count == 1 ? "" : "s");
        long seconds = Math.round((end - start) / 1e9);
        return document(catalog, outcomes, observations, notes, runs, taken, submission, seconds);
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

    /** The checks, in the order JUnit runs them, from a child JVM that discovers them and runs nothing. */
    private List<Check> catalog(Path classes) throws IOException, GradingException {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = child(classes, frames::add).args("--tests", stagedTests.toString(), "--list", "-")
                .timeout(Duration.ofSeconds(120)).run();
        sandbox.killLeftovers();
        String catalog = frames.stream().filter(f -> f.type().equals(Protocol.CATALOG)).map(Channel.Frame::payload)
                .findFirst().orElse(null);
        if (catalog == null) {
            throw GradingException.usage("could not list " + lab.name() + "'s checks (exit " + result.exitCode()
                    + "):\n" + result.output());
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode node : JSON.readTree(catalog)) {
            checks.add(new Check(node));
        }
        if (checks.stream().noneMatch(c -> c.graded)) {
            throw GradingException.usage(lab.name() + " has no graded checks in " + lab.testClasses());
        }
        return checks;
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
        flags.add("-Dgrade.jvmFlags=" + String.join(" ", lab.jvmFlags()));
        String classpath = Stream.concat(Stream.of(stagedTests), Stream.concat(stagedClasspath.stream(), Stream.of(classes)))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return ForkedJvm.main(GradedRun.class.getName()).flags(flags).classpath(classpath).workingDirectory(home)
                .outputLimit(OUTPUT_KEPT_BYTES).channel(frames).environment(sandbox.environment(home))
                .launcher(sandbox.launcher()).args("--channel");
    }

    /**
     * Runs the checks in as many child JVMs as it takes: each child runs the checks not yet done; one that dies or
     * is stopped costs the check it was running, and the next child goes on after it.
     */
    private void runChecks(List<Check> catalog, List<Check> listed, Path classes, Map<String, ObjectNode> outcomes,
            List<String> observations, RunLog runs, List<String> notes, long deadline, boolean hidden)
            throws IOException {
        Map<String, Check> byId = new LinkedHashMap<>();
        Set<String> remaining = new LinkedHashSet<>();
        if (catalog != null) {
            catalog.forEach(c -> byId.put(c.id, c));
            remaining.addAll(byId.keySet());
        }
        long checkLimit = Duration.ofSeconds(lab.checkSeconds()).toNanos();
        // catalog null: the first child lists every check into `listed`, then runs the visible ones
        boolean listing = catalog == null;
        for (int attempt = 1; listing || !remaining.isEmpty(); attempt++) {
            BlockingQueue<Channel.Frame> frames = new LinkedBlockingQueue<>();
            ForkedJvm.Running child = child(classes, frames::add).args(listing
                    ? List.of("--tests", stagedTests.toString(), "--visible")
                    : List.of("--tests", stagedTests.toString(), "--only", String.join(",", remaining))).start();
            String running = null;
            long runningSince = System.nanoTime();
            String stopped = null;
            Set<String> ended = new LinkedHashSet<>();
            Map<String, String> endings = new LinkedHashMap<>();
            Set<String> containerFailures = new LinkedHashSet<>();
            String results = null;
            boolean exitRequested = false;
            boolean done = false;
            try {
                while (true) {
                    boolean exited = child.waitFor(Duration.ofMillis(100));
                    if (exited) {
                        child.awaitOutput();
                    }
                    List<Channel.Frame> arrived = new ArrayList<>();
                    frames.drainTo(arrived);
                    for (Channel.Frame frame : arrived) {
                        Protocol.Event event = Protocol.Event.of(frame);
                        String id = event.subject();
                        switch (frame.type()) {
                            case Protocol.CATALOG:
                                // taken only from a listing child, and only before any check has started in it
                                if (listing && listed.isEmpty() && running == null && ended.isEmpty()) {
                                    for (JsonNode node : JSON.readTree(frame.payload())) {
                                        Check check = new Check(node);
                                        listed.add(check);
                                        if (check.visibility.equals("visible")) {
                                            byId.put(check.id, check);
                                            remaining.add(check.id);
                                        }
                                    }
                                }
                                break;
                            case Protocol.START:
                                if (!ended.contains(id) && !id.equals(running)) {
                                    running = id;
                                    runningSince = System.nanoTime();
                                }
                                break;
                            case Protocol.CONTAINER_FAILED:
                                containerFailures.add(frame.payload());
                                break;
                            case Protocol.END:
                            case Protocol.SKIP:
                                if (ended.add(id)) {
                                    endings.put(id, event.detail());
                                    if (id.equals(running)) {
                                        running = null;
                                    }
                                }
                                break;
                            case Protocol.RESULTS:
                                results = frame.payload();
                                break;
                            case Channel.EXIT_REQUESTED:
                                exitRequested = true;
                                break;
                            case Protocol.DONE:
                                done = true;
                                break;
                            default:
                                break;
                        }
                    }
                    if (exited) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (running != null && now - runningSince > checkLimit) {
                        stopped = String.format(Locale.ROOT, "stopped after its %d s limit: it never finished"
                                + " (an endless loop, a deadlock, or a thread that waits forever?)", lab.checkSeconds());
                        break;
                    }
                    if (now > deadline) {
                        stopped = String.format(Locale.ROOT, "stopped when the whole run reached its %d s limit",
                                lab.runSeconds());
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = "stopped: the grader was interrupted";
            }
            if (stopped != null) {
                child.kill();
            }
            ForkedJvm.Result result = child.result(stopped != null);
            sandbox.killLeftovers();
            runs.add(result, hidden);
            listing = false;
            String unreadable = readChildResults(results, byId, outcomes, observations);
            if (unreadable != null) {
                notes.add(unreadable);
            }
            for (String id : ended) {
                remaining.remove(id);
                Check check = byId.get(id);
                if (check != null && check.graded && !outcomes.containsKey(id)) {
                    String why = endings.getOrDefault(id, "");
                    outcomes.put(id, failed(check, "FAIL", why.startsWith("SUCCESSFUL") || why.isBlank()
                            ? "the check ended without a result" : "the check could not run: " + why));
                }
            }
            Death death = new Death(result, exitRequested, done);
            String culprit = running;
            if (culprit != null) {
                remaining.remove(culprit);
                Check check = byId.get(culprit);
                String why = stopped != null ? stopped : death.cause();
                log.println("[grade] " + culprit + ": " + why);
                if (check != null && check.graded) {
                    outcomes.put(culprit, failed(check, stopped != null ? "TIMED OUT" : "CRASHED", "This check " + why
                            + "." + tail(result)));
                } else {
                    observations.add(culprit.substring(culprit.indexOf('#') + 1) + " " + why);
                }
            }
            if (System.nanoTime() > deadline || (culprit == null && ended.isEmpty())) {
                // out of time, or a child that made no progress: what is left did not run
                String why = System.nanoTime() > deadline
                        ? String.format(Locale.ROOT, "not run: the whole run reached its %d s limit", lab.runSeconds())
                        : !containerFailures.isEmpty()
                                ? "not run: its test class failed before the check began: "
                                        + String.join("; ", containerFailures)
                                : "not run: the test JVM ended before it (" + death.cause() + ")" + tail(result);
                for (String id : remaining) {
                    Check check = byId.get(id);
                    if (check.graded) {
                        outcomes.put(id, failed(check, "NOT RUN", why));
                    }
                }
                if (culprit == null && ended.isEmpty() && !remaining.isEmpty()) {
                    notes.add("the test JVM ended before any check started: " + death.cause());
                }
                remaining.clear();
            }
        }
    }

    /**
     * Why a child ended in the middle of a check. The code under test chooses its exit status, so the status alone
     * proves nothing: the runner sends "exit requested" from a shutdown hook, which System.exit runs and
     * {@code -XX:+ExitOnOutOfMemoryError} and {@code Runtime.halt} do not.
     */
    private static final class Death {
        private final ForkedJvm.Result result;
        private final boolean exitRequested;
        private final boolean done;

        Death(ForkedJvm.Result result, boolean exitRequested, boolean done) {
            this.result = result;
            this.exitRequested = exitRequested;
            this.done = done;
        }

        String cause() {
            int status = result.exitCode();
            if (status == 3 && !exitRequested) {
                return "ran out of memory (java.lang.OutOfMemoryError): the test JVM's heap is fixed (see the lab's"
                        + " grading.json), so keep less alive at once";
            }
            if (status >= 128 && !exitRequested) {
                int signal = status - 128;
                return "was killed by signal " + signal + signalName(signal)
                        + " (a crash of the JVM, or the machine ran out of memory)";
            }
            if (exitRequested && !done) {
                return "ended the test JVM with exit status " + status + " before it finished: the code called"
                        + " System.exit";
            }
            if (!exitRequested) {
                return "ended the test JVM with exit status " + status + " and no shutdown: the code called"
                        + " Runtime.halt, or the JVM crashed";
            }
            return "ended the test JVM with exit status " + status;
        }

        private static String signalName(int signal) {
            switch (signal) {
                case 6:
                    return " (SIGABRT)";
                case 9:
                    return " (SIGKILL)";
                case 11:
                    return " (SIGSEGV)";
                case 15:
                    return " (SIGTERM)";
                default:
                    return "";
            }
        }
    }

    private static String tail(ForkedJvm.Result result) {
        String text = result.output().strip();
        if (text.isEmpty()) {
            return "";
        }
        String last = text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        return "\nThe last output before it ended:\n" + last;
    }

    /** Takes the child's results; returns why they could not be read, or null. */
    private String readChildResults(String results, Map<String, Check> byId, Map<String, ObjectNode> outcomes,
            List<String> observations) {
        if (results == null) {
            return null;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(results);
        } catch (IOException e) {
            // the checks it lacks fail below, and the report says why
            return "a test JVM's results could not be read (" + e.getClass().getSimpleName() + ", " + results.length()
                    + " characters): its checks earned nothing";
        }
        for (String line : doc.path("output").asText("").split("\n")) {
            if (line.startsWith(OBSERVED) && !observations.contains(line.substring(OBSERVED.length()))) {
                observations.add(line.substring(OBSERVED.length()));
            }
        }
        for (JsonNode test : doc.path("tests")) {
            String id = test.path("extra_data").path("id").asText();
            Check check = byId.get(id);
            if (check == null || !check.graded) {
                continue;
            }
            ObjectNode entry = JSON.createObjectNode();
            double score = Math.max(0, Math.min(check.points, test.path("score").asDouble(0)));
            entry.put("score", Math.round(score * 100) / 100.0);
            entry.put("outcome", test.path("extra_data").path("outcome").asText("FAIL"));
            entry.put("output", test.path("output").asText(""));
            ObjectNode data = JSON.createObjectNode();
            test.path("extra_data").properties().forEach(f -> data.set(f.getKey(), f.getValue()));
            entry.set("data", data);
            outcomes.put(id, entry);
        }
        return null;
    }

    private static ObjectNode failed(Check check, String outcome, String message) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("score", 0.0);
        entry.put("outcome", outcome);
        entry.put("output", outcome + "\n" + message);
        entry.set("data", JSON.createObjectNode());
        return entry;
    }

    private ObjectNode document(List<Check> catalog, Map<String, ObjectNode> outcomes, List<String> observations,
            List<String> notes, RunLog runs, Map<String, Path> taken, Path submission, long seconds) throws IOException {
        List<Map<String, Object>> tests = new ArrayList<>();
        double score = 0;
        double max = 0;
        List<String> undecided = new ArrayList<>();
        // in task order, and by name within a task (the handout's 1a, 1b, ...), as the build's score table shows them
        List<Check> graded = catalog.stream().filter(c -> c.graded)
                .sorted(Comparator.<Check>comparingInt(c -> c.task).thenComparing(c -> c.name)).collect(Collectors.toList());
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        for (Check check : graded) {
            ObjectNode outcome = outcomes.getOrDefault(check.id, failed(check, "NOT RUN", "the check did not run"));
            double points = outcome.path("score").asDouble();
            score += points;
            max += check.points;
            String number = check.task + "." + numbers.merge(check.task, 1, Integer::sum);
            Map<String, Object> extra = new LinkedHashMap<>(JSON.convertValue(outcome.path("data"), MAP));
            extra.put("id", check.id);
            extra.put("outcome", outcome.path("outcome").asText());
            extra.put("kind", check.kind);
            extra.put("expect_reference", check.reference);
            extra.put("expect_starter", check.starter);
            Map<String, Object> test = ResultsJson.test(points, check.points, outcome.path("outcome").asText().equals("PASS"),
                    check.name, number, outcome.path("output").asText(),
                    List.of("task" + check.task, check.kind.toLowerCase(Locale.ROOT)), check.visibility, extra);
            if (outcome.path("outcome").asText().equals("INCONCLUSIVE")
                    && !String.valueOf(extra.getOrDefault("machine_dependent", "")).isEmpty()) {
                undecided.add(number + " (" + extra.get("machine_dependent") + ")");
            }
            tests.add(test);
        }
        if (!undecided.isEmpty()) {
            notes.add(undecided.size() + " check(s) could not be decided on this machine and earned nothing: "
                    + String.join(", ", undecided) + ". This is the grading machine's limit, not the code's: grade on a"
                    + " machine that has what they need.");
        }
        StringBuilder output = new StringBuilder();
        output.append(String.format(Locale.ROOT, "%s: %s of %s points. Inputs seeded with %d (re-run a disputed"
                + " grade with --seed %d). sandbox: %s.", lab.name(), format(score), format(max), seed, seed,
                sandbox.kind()));
        notes.forEach(n -> output.append("\nnote: ").append(n));
        observations.forEach(o -> output.append('\n').append(OBSERVED).append(o));
        if (runs.droppedBytes > 0) {
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
        extra.put("test_jvms", runs.count);
        extra.put("output_bytes", runs.totalBytes());
        extra.put("output_dropped_bytes", runs.droppedBytes);
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
        extra.put("test_jvm_output", List.copyOf(runs.outputs));
        return JSON.valueToTree(ResultsJson.document(score, seconds, output.toString(), extra, tests));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.2f", points);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One check as the lab's tests declare it. */
    static final class Check {
        final String id;
        final boolean graded;
        final int task;
        final double points;
        final String name;
        final String kind;
        final String visibility;
        final String reference;
        final String starter;

        Check(JsonNode node) {
            id = node.path("id").asText();
            graded = node.path("graded").asBoolean();
            task = node.path("task").asInt();
            points = node.path("points").asDouble();
            name = node.path("name").asText(id);
            kind = node.path("kind").asText("OBSERVATION");
            visibility = node.path("visibility").asText("visible");
            reference = node.path("reference").asText("");
            starter = node.path("starter").asText("");
        }
    }

    /** The child JVMs of one grading and their output. */
    private static final class RunLog {
        int count;
        long keptBytes;
        long droppedBytes;
        final List<String> outputs = new ArrayList<>();

        void add(ForkedJvm.Result result, boolean hidden) {
            count++;
            if (hidden) {
                outputs.add("[the output of the hidden checks' JVM is not shown]");
                return;
            }
            keptBytes += result.output().getBytes(StandardCharsets.UTF_8).length;
            droppedBytes += result.droppedBytes();
            outputs.add(result.droppedBytes() > 0 ? result.output() + String.format(Locale.ROOT,
                    "%n[... %,d more bytes dropped]", result.droppedBytes()) : result.output());
        }

        long totalBytes() {
            return keptBytes + droppedBytes;
        }
    }
}
