package org.vmaware.grader.runtime;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.vmaware.grader.Graded;
import org.vmaware.grader.Observation;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.Protocol;
import org.vmaware.grader.profile.ProfileMain;

/**
 * Runs a lab's graded tests in this JVM with the JUnit Platform launcher: the child side of the proof and of the
 * command-line grader. The settings come as {@code -Dgrade.*} system properties; the results go to
 * {@code grade.reportDir/results.json} and the score table to stdout.
 *
 * <pre>
 * java -cp EDITION:TEST_CLASSES:DEPS org.vmaware.grader.runtime.GradedRun --tests TEST_CLASSES
 *      [--only CLASS#METHOD,...]   run only these checks
 *      [--events FILE]             append "start ID" and "end ID STATUS" lines as each test starts and ends
 *      [--list FILE]               run nothing: write the catalog of checks (JSON) to FILE
 *      [--visible]                 with --channel: send the catalog of every check first, then run the visible
 *                                  ones (the command-line grader's first JVM: one start-up, not two)
 *      [--channel]                 for the command-line grader: read a secret from stdin first, and send the
 *                                  events, the catalog and the results as frames on stdout (see Channel), not files
 *      [--profile CLASS SEED MS]   with --channel: run no test; profile the comparison CLASS for MS milliseconds
 *                                  and send the profile (ProfileMain#sendProfile)
 * </pre>
 *
 * <p>The events let a parent process enforce a per-check time limit and say which check was running when this
 * JVM died. Ending with {@code System.exit} keeps a non-daemon thread left behind by the code under test from
 * holding the JVM open. With {@code --channel}, this JVM writes nothing its parent reads but its own frames: the
 * code under test runs here too, and may write wherever this JVM may.</p>
 */
public final class GradedRun {

    private GradedRun() {
    }

    public static void main(String[] args) throws IOException {
        // The channel's secret is read before any test or student class is loaded.
        boolean channel = List.of(args).contains("--channel");
        if (channel) {
            Channel.openInChild();
        }
        Path tests = null;
        Path events = null;
        Path list = null;
        boolean visible = false;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--profile") && channel && i + 3 < args.length) {
                // a profile's JVM (after the run's verdicts, never beside them): no test runs here
                ProfileMain.sendProfile(args[i + 1], Long.parseLong(args[i + 2]), Long.parseLong(args[i + 3]),
                        studentClasses(args[i + 1]));
                Channel.send(Protocol.DONE, "");
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                System.exit(0);
            } else if (args[i].equals("--tests") && i + 1 < args.length) {
                tests = Path.of(args[++i]);
            } else if (args[i].equals("--only") && i + 1 < args.length) {
                only.addAll(List.of(args[++i].split(",")));
            } else if (args[i].equals("--events") && i + 1 < args.length) {
                events = Path.of(args[++i]);
            } else if (args[i].equals("--list") && i + 1 < args.length) {
                list = Path.of(args[++i]);
            } else if (args[i].equals("--channel")) {
                continue;
            } else if (args[i].equals("--visible")) {
                visible = true;
            } else {
                usage("unknown argument: " + args[i]);
            }
        }
        if (tests == null || !Files.isDirectory(tests)) {
            usage("--tests must name the directory of compiled test classes" + (tests == null ? "" : ": " + tests));
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (only.isEmpty()) {
            selectors.addAll(selectClasspathRoots(Set.of(tests)));
        } else {
            only.forEach(id -> selectors.add(selectMethod(id)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(TagFilter.includeTags("graded", "observation")).build();
        Launcher launcher = LauncherFactory.create();
        Watchdog.start();
        if (channel && visible) {
            // the catalog goes out before any check runs, so no code under test has run when it is read
            List<Map<String, Object>> catalog = catalog(launcher.discover(request));
            Channel.send(Protocol.CATALOG, new ObjectMapper().writeValueAsString(catalog));
            List<DiscoverySelector> shown = new ArrayList<>();
            for (Map<String, Object> check : catalog) {
                if ("visible".equals(check.getOrDefault("visibility", "visible"))) {
                    shown.add(selectMethod((String) check.get("id")));
                }
            }
            if (!shown.isEmpty()) {
                launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(shown)
                        .filters(TagFilter.includeTags("graded", "observation")).build(), new EventLog(null));
            }
        } else if (channel && list != null) {
            Channel.send(Protocol.CATALOG, new ObjectMapper().writeValueAsString(catalog(launcher.discover(request))));
        } else if (list != null) {
            writeCatalog(launcher.discover(request), list);
        } else if (channel) {
            launcher.execute(request, new EventLog(null));
        } else if (events != null) {
            try (EventLog log = new EventLog(events)) {
                launcher.execute(request, log);
            }
        } else {
            launcher.execute(request);
        }
        Channel.send(Protocol.DONE, "");
        // Processes the code under test started die with this JVM, where no sandbox uid does it (a double-forked
        // one escapes this: only the separate uid reaches it).
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        System.exit(0);
    }

    /**
     * Which classes a profile names as the student's: those compiled from the submission ({@code grade.studentClasses},
     * set by the command-line grader and by a lab's mvn test), else the lab's package outside its tests' {@code grading}
     * package.
     */
    static Predicate<String> studentClasses(String comparisonClass) {
        String dir = System.getProperty("grade.studentClasses", "");
        if (!dir.isEmpty()) {
            Path root = Path.of(dir);
            return name -> Files.isRegularFile(root.resolve(name.replace('.', '/') + ".class"));
        }
        String pkg = comparisonClass.contains(".") ? comparisonClass.substring(0, comparisonClass.lastIndexOf('.')) : "";
        String lab = pkg.endsWith(".grading") ? pkg.substring(0, pkg.length() - ".grading".length()) : pkg;
        return name -> !lab.isEmpty() && name.startsWith(lab + ".") && !name.startsWith(lab + ".grading.");
    }

    /** The checks a run would execute, in execution order, with what the parent needs to score them. */
    private static void writeCatalog(TestPlan plan, Path file) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), catalog(plan));
    }

    private static List<Map<String, Object>> catalog(TestPlan plan) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, checks);
        }
        return checks;
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<Map<String, Object>> checks) {
        if (node.isTest()) {
            methodOf(node).ifPresent(method -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("id", Protocol.checkId(method));
                check.put("name", node.getDisplayName());
                Graded graded = method.getAnnotation(Graded.class);
                if (graded != null) {
                    check.put("graded", true);
                    check.put("task", graded.task());
                    check.put("points", graded.points());
                    check.put("kind", graded.kind().name());
                    check.put("visibility", graded.visibility().gradescopeName());
                    check.put("reference", graded.reference().name());
                    check.put("starter", graded.starter().name());
                    check.put("machine_dependent", graded.machineDependent());
                    check.put("calls", List.of(graded.calls()));
                } else if (method.isAnnotationPresent(Observation.class)) {
                    check.put("graded", false);
                    Class<?> profiled = method.getAnnotation(Observation.class).profile();
                    if (profiled != void.class) {
                        check.put("profile", profiled.getName());
                    }
                } else {
                    return;
                }
                checks.add(check);
            });
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            collect(plan, child, checks);
        }
    }

    private static Optional<Method> methodOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod);
    }

    /**
     * One event per test start and end, flushed at once, so a parent can follow the run: a line appended to a file,
     * or (file null) a frame on the channel, whose type is the line's first word.
     */
    private static final class EventLog implements TestExecutionListener, AutoCloseable {
        private final Writer out;

        EventLog(Path file) throws IOException {
            out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                methodOf(test).ifPresent(m -> {
                    event(Protocol.START, Protocol.checkId(m), "");
                    Watchdog.watch(Protocol.checkId(m), Thread.currentThread(), this::event);
                });
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                methodOf(test).ifPresent(m -> event(Protocol.SKIP, Protocol.checkId(m), oneLine(reason)));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                Watchdog.stop();
                String why = result.getThrowable().map(t -> t.getClass().getName() + ": " + t.getMessage()).orElse("");
                methodOf(test).ifPresent(m -> event(Protocol.END, Protocol.checkId(m),
                        result.getStatus() + " " + oneLine(why)));
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // a class-level failure (@BeforeAll, a static initializer): its tests never start
                String why = result.getThrowable().map(t -> t.getClass().getName() + ": " + t.getMessage()).orElse("");
                event(Protocol.CONTAINER_FAILED, test.getDisplayName(), oneLine(why));
            }
        }

        private static String oneLine(String text) {
            String flat = String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
            return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
        }

        private synchronized void event(String type, String subject, String detail) {
            Protocol.Event event = new Protocol.Event(type, subject, detail);
            if (out == null) {
                event.send();
                return;
            }
            try {
                out.write(type + " " + event.payload());
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }

    private static void usage(String problem) {
        System.err.println("GradedRun: " + problem);
        System.err.println("usage: GradedRun --tests TEST_CLASSES_DIR [--only CLASS#METHOD,...] [--events FILE]"
                + " [--list FILE]");
        System.exit(2);
    }
}
