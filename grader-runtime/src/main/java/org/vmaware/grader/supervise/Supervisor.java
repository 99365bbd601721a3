package org.vmaware.grader.supervise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.fork.Protocol;
import org.vmaware.grader.profile.Profile;
import org.vmaware.grader.profile.ProfileMain;
import org.vmaware.grader.profile.ProfileRequest;
import org.vmaware.grader.text.Printable;
import org.vmaware.grader.report.ResultsJson;

/**
 * Runs a lab's checks in as many child JVMs as it takes, and scores them from its own catalog.
 *
 * <p>The boundary is the process. A child ({@code GradedRun --channel}) runs the tests and the code under test; the
 * supervisor never does. It follows the child's "start" and "end" events, kills it when one check runs past its
 * limit or the whole run past its own, and starts a fresh child for the checks that remain. A child that dies
 * (System.exit, Runtime.halt, out of memory) costs only the check it was running. Points cannot exceed what the
 * catalog declares, and a check without a result is a failure that says why.</p>
 *
 * <pre>
 * Supervisor supervisor = new Supervisor(frames -&gt; ForkedJvm.main(...).channel(frames), tests, 150, costs, 540,
 *         log, () -&gt; { });
 * List&lt;Check&gt; catalog = supervisor.gradeAll();      // lists, then runs the visible checks, then the hidden ones
 * Supervisor.Scored scored = supervisor.score(catalog);  // results.json's entries, in the handout's order
 * </pre>
 */
public final class Supervisor {

    /** A check's wall-time limit where a lab names none: long enough for the slowest verdict on ½ CPU. */
    public static final int CHECK_SECONDS = 150;
    /** The whole run's wall-time limit where a lab names none: within Gradescope's default of 10 minutes. */
    public static final int RUN_SECONDS = 540;
    /** Output of a child kept for the reports; the rest is counted and dropped. */
    public static final int OUTPUT_KEPT_BYTES = 64 * 1024;

    /** Reads what children send: a frame may be as long as the channel allows, so may one string in it. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Channel.MAX_FRAME_BYTES).build())
            .build());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String OBSERVED = ResultsJson.OBSERVED;

    /** Makes a child JVM that runs {@code GradedRun --channel}, its frames going to {@code frames}. */
    @FunctionalInterface
    public interface Launcher {
        ForkedJvm child(Consumer<Channel.Frame> frames) throws IOException;
    }

    /** Why no check could be graded: the lab's own tests are broken, or list no graded check. */
    public static final class NoChecks extends Exception {
        private static final long serialVersionUID = 1L;

        NoChecks(String message) {
            super(message);
        }
    }

    /**
     * The graded checks' entries of results.json, in task order and by name within a task (the handout's 1a,
     * 1b, ...), with the sum of their scores.
     */
    public record Scored(double score, double max, List<Map<String, Object>> tests) {
    }

    private final Launcher launcher;
    private final String tests;
    private final int checkSeconds;
    private final CheckCosts costs;
    private final int runSeconds;
    private final PrintStream log;
    private final Runnable afterEachChild;
    private final Map<String, ObjectNode> outcomes = new LinkedHashMap<>();
    private final List<String> observations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();
    /** Student methods that ran past a limit ({@code Class#method}), with the label of the check where they did. */
    private final Map<String, String> pastTheirLimit = new LinkedHashMap<>();
    private final ChildRuns runs = new ChildRuns();
    /** Where the run's time limit ends: a profile starts only with its own limit left before it. */
    private long profileDeadline = Long.MAX_VALUE;
    private int profiled;

    /** A profile's JVM: how long it records, its time limit (start-up and reading included), its largest answer. */
    static final long PROFILE_RECORD_MILLIS = 1_000;
    static final int PROFILE_SECONDS = 30;
    static final int PROFILE_MAX_CHARS = 20 * 1024;

    /**
     * @param launcher       makes each child JVM
     * @param tests          the compiled tests' directory, as the child sees it ({@code --tests})
     * @param checkSeconds   one check's wall-time limit, where {@code costs} records none (and the most it may be)
     * @param costs          each check's cost on the reference, from which its limit follows
     * @param runSeconds     the whole run's wall-time limit
     * @param log            one line for each check that was stopped or crashed
     * @param afterEachChild what to do once a child has ended (the sandbox kills what it left behind)
     */
    public Supervisor(Launcher launcher, String tests, int checkSeconds, CheckCosts costs, int runSeconds,
            PrintStream log, Runnable afterEachChild) {
        this.launcher = launcher;
        this.tests = tests;
        this.checkSeconds = checkSeconds;
        this.costs = costs;
        this.runSeconds = runSeconds;
        this.log = log;
        this.afterEachChild = afterEachChild;
    }

    /**
     * Grades every check: the first child lists them all and runs the visible ones (one start-up where two were
     * spent); the hidden ones run in a child of their own, after them, whose output is never shown.
     *
     * @return the catalog of checks
     * @throws NoChecks if the lab lists no graded check, or its checks cannot even be listed
     */
    public List<Check> gradeAll() throws IOException, NoChecks {
        long deadline = System.nanoTime() + Duration.ofSeconds(runSeconds).toNanos();
        profileDeadline = deadline;
        List<Check> listed = new ArrayList<>();
        run(null, listed, deadline, false);
        if (!listed.isEmpty() && listed.stream().noneMatch(Check::graded)) {
            throw new NoChecks("the lab has no graded checks in " + tests);
        }
        List<Check> catalog = listed.isEmpty() ? catalog() : listed;
        if (listed.isEmpty()) {
            // the first child died before it could list the checks: list them apart and run the visible ones
            run(catalog.stream().filter(Check::visible).collect(Collectors.toList()), null, deadline, false);
        }
        List<Check> hidden = catalog.stream().filter(c -> !c.visible()).collect(Collectors.toList());
        if (!hidden.isEmpty()) {
            run(hidden, null, deadline, true);
        }
        return catalog;
    }

    /**
     * Profiles checks after the run's verdicts, each in a JVM of its own (issue 16, docs/profiles.md): every visible
     * timing check that failed (FAIL or PARTIAL) and every one {@code explain} names (its label, its id, or
     * {@code all}), where the check asked for a profile. A profile adds {@code profile} to the check's data and at
     * most five lines to its output; it never changes a score, and one that cannot be made leaves a note.
     *
     * @param explain labels or ids of checks to profile whatever their outcome; {@code all} for every one
     */
    public void profile(List<Check> catalog, Set<String> explain) {
        for (Check check : catalog) {
            if (!check.graded()) {
                profileObservation(check, explain);
                continue;
            }
            ObjectNode outcome = outcomes.get(check.id());
            if (outcome == null || !check.graded() || !check.visible() || !check.kind().equals("TIMING")) {
                continue;
            }
            String status = outcome.path("outcome").asText();
            boolean asked = explain.contains("all") || explain.contains(check.label()) || explain.contains(check.id());
            boolean failed = status.equals("FAIL") || status.equals("PARTIAL");
            // never for a check that timed out, crashed or did not run: its code may not even end
            if (!failed && !(asked && (status.equals("PASS") || status.equals("INCONCLUSIVE")))) {
                continue;
            }
            ProfileRequest request = ProfileRequest.of(outcome.path("data").path(CheckContext.PROFILE_REQUEST));
            if (request == null) {
                continue; // a check of no comparison a JVM can rebuild
            }
            Profile profile = profileWithin(request);
            ObjectNode data = (ObjectNode) outcome.path("data");
            data.set("profile", profile.toJson());
            outcome.put("output", outcome.path("output").asText("") + "\n" + String.join("\n", profile.consoleLines()));
        }
    }

    /**
     * An observation's profile, where {@code explain} names its method (or says {@code all}) and it declares a
     * comparison ({@code Observation#profile}): added to the observations, under its name. The class comes from the
     * lab's tests as listed, not from a JVM that ran the code under test.
     */
    private void profileObservation(Check check, Set<String> explain) {
        if (check.profile().isEmpty()
                || !(explain.contains("all") || explain.contains(check.method()) || explain.contains(check.id()))) {
            return;
        }
        Profile profile = profileWithin(new ProfileRequest(check.profile(), List.of(), check.id().hashCode()));
        observations.add(check.name() + ", " + String.join("\n", profile.consoleLines()));
    }

    /** A profile, unless the request is refused or the run has no time left for one; counted. */
    private Profile profileWithin(ProfileRequest request) {
        profiled++;
        String refused = request.refusal();
        if (refused != null) {
            return Profile.unavailable(refused);
        }
        if (profileDeadline - System.nanoTime() < Duration.ofSeconds(PROFILE_SECONDS).toNanos()) {
            return Profile.unavailable("no time was left in the run for a profile");
        }
        return profileIn(request);
    }

    /** How many checks {@link #profile} profiled (or tried to). */
    public int profiled() {
        return profiled;
    }

    /** A profile's JVM: the run's own launcher (sandbox, heap, class path), the check's flags, {@code --profile}. */
    private Profile profileIn(ProfileRequest request) {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result;
        try {
            result = launcher.child(frames::add).flags(request.flags())
                    .args("--profile", request.comparison(), Long.toString(request.seed()),
                            Long.toString(PROFILE_RECORD_MILLIS))
                    .timeout(Duration.ofSeconds(PROFILE_SECONDS)).run();
        } catch (IOException | RuntimeException e) {
            return Profile.unavailable("the profile's JVM could not start: " + e.getMessage());
        } finally {
            afterEachChild.run();
        }
        for (Channel.Frame frame : frames) {
            if (frame.type().equals(ProfileMain.PROFILE)) {
                if (frame.payload().length() > PROFILE_MAX_CHARS) {
                    return Profile.unavailable("the profile's JVM sent more than " + PROFILE_MAX_CHARS + " characters");
                }
                try {
                    return Profile.fromJson(JSON.readTree(frame.payload()));
                } catch (IOException e) {
                    return Profile.unavailable("the profile's JVM sent a profile that is not JSON");
                }
            }
            if (frame.type().equals(ProfileMain.FAILED)) {
                // Profile.unavailable cleans and cuts the child's text (red team 16 sent 40 MB notes)
                String why = frame.payload();
                return Profile.unavailable("the recording could not be made: "
                        + (why.length() > PROFILE_MAX_CHARS ? why.substring(0, PROFILE_MAX_CHARS) : why));
            }
        }
        return Profile.unavailable(result.timedOut() ? "the profile's JVM ran past " + PROFILE_SECONDS + " s"
                : "the profile's JVM exited with status " + result.exitCode() + " without a profile");
    }

    /** The checks, in the order JUnit runs them, from a child JVM that discovers them and runs nothing. */
    public List<Check> catalog() throws IOException, NoChecks {
        List<Channel.Frame> frames = new CopyOnWriteArrayList<>();
        ForkedJvm.Result result = launcher.child(frames::add).args("--tests", tests, "--list", "-")
                .timeout(Duration.ofSeconds(120)).run();
        afterEachChild.run();
        String catalog = frames.stream().filter(f -> f.type().equals(Protocol.CATALOG)).map(Channel.Frame::payload)
                .findFirst().orElse(null);
        if (catalog == null) {
            throw new NoChecks("could not list the lab's checks (exit " + result.exitCode() + "):\n" + result.output());
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode node : JSON.readTree(catalog)) {
            checks.add(Check.of(node));
        }
        if (checks.stream().noneMatch(Check::graded)) {
            throw new NoChecks("the lab has no graded checks in " + tests);
        }
        return checks;
    }

    /** Each graded check's outcome so far, by id: score, outcome, output, data (the child's extra_data). */
    public Map<String, ObjectNode> outcomes() {
        return outcomes;
    }

    /** The observations the children reported (shown, not graded). */
    public List<String> observations() {
        return observations;
    }

    /** What went wrong around the checks: results that could not be read, children that made no progress. */
    public List<String> notes() {
        return notes;
    }

    /** What the children said of the machine they measured on: "machine: ..." and "warning: ..." lines. */
    public List<String> machine() {
        return machine;
    }

    public ChildRuns runs() {
        return runs;
    }

    /** Marks every check as not run, for {@code why}: a submission that does not compile, or was refused. */
    public void noneRan(List<Check> catalog, String outcome, String why) {
        for (Check check : catalog) {
            outcomes.put(check.id(), failed(outcome, why));
        }
    }

    /**
     * The graded checks' entries, scored from the catalog; a machine-dependent INCONCLUSIVE adds a note that says
     * so.
     */
    public Scored score(List<Check> catalog) {
        List<Map<String, Object>> entries = new ArrayList<>();
        double score = 0;
        double max = 0;
        List<String> undecided = new ArrayList<>();
        List<Check> graded = catalog.stream().filter(Check::graded)
                .sorted(Comparator.comparingInt(Check::task).thenComparing(Check::name)).collect(Collectors.toList());
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        for (Check check : graded) {
            ObjectNode outcome = outcomes.getOrDefault(check.id(), failed("NOT RUN", "the check did not run"));
            double points = outcome.path("score").asDouble();
            score += points;
            max += check.points();
            String number = check.task() + "." + numbers.merge(check.task(), 1, Integer::sum);
            Map<String, Object> extra = new LinkedHashMap<>(JSON.convertValue(outcome.path("data"), MAP));
            extra.put("id", check.id());
            extra.put("outcome", outcome.path("outcome").asText());
            extra.put("kind", check.kind());
            extra.put("expect_reference", check.reference());
            extra.put("expect_starter", check.starter());
            entries.add(ResultsJson.test(points, check.points(), outcome.path("outcome").asText().equals("PASS"),
                    check.name(), number, outcome.path("output").asText(),
                    List.of("task" + check.task(), check.kind().toLowerCase(Locale.ROOT)), check.visibility(), extra));
            if (outcome.path("outcome").asText().equals("INCONCLUSIVE")
                    && !String.valueOf(extra.getOrDefault("machine_dependent", "")).isEmpty()) {
                undecided.add(number + " (" + extra.get("machine_dependent") + ")");
            }
        }
        if (!undecided.isEmpty()) {
            notes.add(undecided.size() + " check(s) could not be decided on this machine and earned nothing: "
                    + String.join(", ", undecided) + ". This is the grading machine's limit, not the code's: grade on a"
                    + " machine that has what they need.");
        }
        return new Scored(score, max, entries);
    }

    /**
     * Runs {@code catalog}'s checks (or, when it is null, lists every check into {@code listed} and runs the
     * visible ones) in as many children as it takes: each child runs the checks not yet done; one that dies or is
     * stopped costs the check it was running, and the next child goes on after it.
     */
    private void run(List<Check> catalog, List<Check> listed, long deadline, boolean hidden) throws IOException {
        Map<String, Check> byId = new LinkedHashMap<>();
        Set<String> remaining = new LinkedHashSet<>();
        if (catalog != null) {
            catalog.forEach(c -> byId.put(c.id(), c));
            remaining.addAll(byId.keySet());
        }
        boolean listing = catalog == null;
        while (listing || !remaining.isEmpty()) {
            BlockingQueue<Channel.Frame> frames = new LinkedBlockingQueue<>();
            ForkedJvm.Running child = launcher.child(frames::add).flags("-Dgrade.checkSeconds=" + checkSeconds,
                    "-Dgrade.checkLimits=" + costs.limits(checkSeconds)).args(listing
                    ? List.of("--tests", tests, "--visible")
                    : List.of("--tests", tests, "--only", String.join(",", remaining))).start();
            String running = null;
            long runningSince = System.nanoTime();
            String stopped = null;
            String stuckAt = "";
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
                                        Check check = Check.of(node);
                                        listed.add(check);
                                        if (check.visible()) {
                                            byId.put(check.id(), check);
                                            remaining.add(check.id());
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
                            case Protocol.STUCK:
                                if (id.equals(running)) {
                                    stuckAt = event.detail();
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
                    // a second past the limit: the child's watchdog says where the check was, at the limit itself
                    int limit = running == null ? 0 : costs.limit(running, checkSeconds);
                    if (running != null && now - runningSince > Duration.ofSeconds(limit + 1).toNanos()) {
                        stopped = String.format(Locale.ROOT, "stopped after its %d s limit%s: it never finished"
                                + " (an endless loop, a deadlock, or a thread that waits forever?)", limit,
                                stuckAt.isEmpty() ? "" : " in " + stuckAt);
                        break;
                    }
                    if (now > deadline) {
                        stopped = String.format(Locale.ROOT, "stopped when the whole run reached its %d s limit",
                                runSeconds);
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
            afterEachChild.run();
            runs.add(result, hidden);
            listing = false;
            String unreadable = readChildResults(results, byId);
            if (unreadable != null) {
                notes.add(unreadable);
            }
            for (String id : ended) {
                remaining.remove(id);
                Check check = byId.get(id);
                if (check != null && check.graded() && !outcomes.containsKey(id)) {
                    String why = endings.getOrDefault(id, "");
                    outcomes.put(id, failed("FAIL", why.startsWith("SUCCESSFUL") || why.isBlank()
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
                if (stopped != null && check != null && !hidden) {
                    pastTheirLimit(check, stuckAt);
                }
                if (check != null && check.graded()) {
                    outcomes.put(culprit, failed(stopped != null ? "TIMED OUT" : "CRASHED", "This check " + why
                            + "." + tail(result)));
                } else {
                    observations.add(culprit.substring(culprit.indexOf('#') + 1) + " " + why);
                }
            }
            // the checks still to run that call a method which already ran past its limit fail at once
            for (java.util.Iterator<String> left = remaining.iterator(); left.hasNext(); ) {
                Check check = byId.get(left.next());
                String method = check.calls().stream().filter(pastTheirLimit::containsKey).findFirst().orElse(null);
                if (method != null) {
                    left.remove();
                    if (check.graded()) {
                        outcomes.put(check.id(), failed("NOT RUN", String.format(Locale.ROOT, "not run: %s already ran"
                                + " past its limit in %s, so this check would too",
                                method.substring(method.indexOf('#') + 1), pastTheirLimit.get(method))));
                    }
                }
            }
            if (System.nanoTime() > deadline || (culprit == null && ended.isEmpty())) {
                // out of time, or a child that made no progress: what is left did not run
                String why = System.nanoTime() > deadline
                        ? String.format(Locale.ROOT, "not run: the whole run reached its %d s limit", runSeconds)
                        : !containerFailures.isEmpty()
                                ? "not run: its test class failed before the check began: "
                                        + String.join("; ", containerFailures)
                                : "not run: the test JVM ended before it (" + death.cause() + ")" + tail(result);
                for (String id : remaining) {
                    Check check = byId.get(id);
                    if (check.graded()) {
                        outcomes.put(id, failed("NOT RUN", why));
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
     * Remembers which of the check's methods ran past its limit: the one the watchdog found it in
     * ({@code "Concatenations.presizedStringBuilder (Concatenations.java:45)"}), where the check declares it, else
     * the check's only declared method.
     */
    private void pastTheirLimit(Check check, String stuckAt) {
        String found = stuckAt.isEmpty() ? "" : stuckAt.substring(0, stuckAt.indexOf(' ') < 0 ? stuckAt.length()
                : stuckAt.indexOf(' ')).replace('.', '#');
        if (check.calls().contains(found)) {
            pastTheirLimit.putIfAbsent(found, check.label());
        } else if (check.calls().size() == 1) {
            pastTheirLimit.putIfAbsent(check.calls().get(0), check.label());
        }
    }

    /** Takes the child's results; returns why they could not be read, or null. */
    private String readChildResults(String results, Map<String, Check> byId) {
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
        for (String raw : doc.path("output").asText("").split("\n")) {
            String line = Printable.line(raw);
            if ((line.startsWith("machine: ") || line.startsWith("warning: ")) && !machine.contains(line)) {
                machine.add(line);
            }
            if (line.startsWith(OBSERVED) && !observations.contains(line.substring(OBSERVED.length()))) {
                observations.add(line.substring(OBSERVED.length()));
            }
        }
        for (JsonNode test : doc.path("tests")) {
            String id = test.path("extra_data").path("id").asText();
            Check check = byId.get(id);
            if (check == null || !check.graded()) {
                continue;
            }
            ObjectNode entry = JSON.createObjectNode();
            double score = Math.max(0, Math.min(check.points(), test.path("score").asDouble(0)));
            entry.put("score", Math.round(score * 100) / 100.0);
            entry.put("outcome", test.path("extra_data").path("outcome").asText("FAIL"));
            // the code under test's messages and return values, with whatever characters it chose
            entry.put("output", Printable.text(test.path("output").asText("")));
            ObjectNode data = JSON.createObjectNode();
            test.path("extra_data").properties().forEach(f -> data.set(f.getKey(), f.getValue()));
            entry.set("data", data);
            outcomes.put(id, entry);
        }
        return null;
    }

    private static ObjectNode failed(String outcome, String message) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("score", 0.0);
        entry.put("outcome", outcome);
        entry.put("output", outcome + "\n" + message);
        entry.set("data", JSON.createObjectNode());
        return entry;
    }

    private static String tail(ForkedJvm.Result result) {
        String text = result.output().strip();
        if (text.isEmpty()) {
            return "";
        }
        String last = text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        return "\nThe last output before it ended:\n" + last;
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

    /** The child JVMs of one grading and their output. */
    public static final class ChildRuns {
        private int count;
        private long keptBytes;
        private long droppedBytes;
        private final List<String> outputs = new ArrayList<>();

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

        /** How many child JVMs ran. */
        public int count() {
            return count;
        }

        /** Bytes the code under test printed, kept and dropped. */
        public long totalBytes() {
            return keptBytes + droppedBytes;
        }

        public long droppedBytes() {
            return droppedBytes;
        }

        /** Each child's output, as kept (a hidden child's is replaced by a line that says so). */
        public List<String> outputs() {
            return List.copyOf(outputs);
        }
    }
}
