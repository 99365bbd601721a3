package org.vmaware.grader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The settings of one grading run, read from system properties (Maven passes them to Surefire's fork).
 *
 * <pre>
 * grade.mode       full (default) | correctness   correctness skips every timing check
 * grade.task       all (default) | N              run only task N's checks
 * grade.edition    student (default) | starter | reference   which code is graded, for the reports
 * grade.lab        the lab's name, for the reports
 * grade.reportDir  where results.json goes (default target/grade)
 * grade.seed       random (default) | a number    the input seed; a disputed grade is re-run with the same one
 * grade.hints      idea (default) | api | answer   how much a failed check's hint tells ({@link Hints})
 * </pre>
 */
public final class GradingSettings {

    private static final GradingSettings CURRENT;
    private static final String PROBLEM;

    static {
        GradingSettings settings = null;
        String problem = null;
        try {
            settings = new GradingSettings();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        CURRENT = settings;
        PROBLEM = problem;
    }

    private final boolean correctnessOnly;
    private final int task;
    private final String edition;
    private final String lab;
    private final Path reportDir;
    private final long seed;
    private final List<String> timedJvmFlags;
    private final Hints.Level hintLevel;

    private GradingSettings() {
        String mode = System.getProperty("grade.mode", "full").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("full") && !mode.equals("correctness")) {
            throw new IllegalArgumentException("grade.mode must be 'full' or 'correctness', not '" + mode + "'");
        }
        correctnessOnly = mode.equals("correctness");
        String taskText = System.getProperty("grade.task", "all").trim();
        if (taskText.isEmpty() || taskText.equalsIgnoreCase("all")) {
            task = 0;
        } else {
            try {
                task = Integer.parseInt(taskText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("grade.task must be 'all' or a task number, not '" + taskText + "'");
            }
        }
        edition = System.getProperty("grade.edition", "student");
        lab = System.getProperty("grade.lab", "lab");
        reportDir = Path.of(System.getProperty("grade.reportDir", "target/grade"));
        String flags = System.getProperty("grade.jvmFlags", "").trim();
        timedJvmFlags = flags.isEmpty() ? ownHeapAndGcFlags() : List.of(flags.split("\\s+"));
        hintLevel = Hints.Level.parse(System.getProperty(Hints.PROPERTY, Hints.Level.IDEA.key()));
        String seedText = System.getProperty("grade.seed", "random").trim();
        if (seedText.isEmpty() || seedText.equalsIgnoreCase("random")) {
            seed = new SecureRandom().nextLong();
        } else {
            try {
                seed = Long.decode(seedText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("grade.seed must be 'random' or a number, not '" + seedText + "'");
            }
        }
    }

    /**
     * The settings of this JVM's grading run.
     *
     * @throws IllegalArgumentException if a {@code grade.*} property has a value that means nothing, with a message
     *                                  that says which and what it may be
     */
    public static GradingSettings current() {
        if (CURRENT == null) {
            throw new IllegalArgumentException("bad grading setting: " + PROBLEM);
        }
        return CURRENT;
    }

    /** Whether timing checks are skipped (quick feedback while working). */
    public boolean correctnessOnly() {
        return correctnessOnly;
    }

    /** Whether a check of this task runs. */
    public boolean runsTask(int checkTask) {
        return task == 0 || task == checkTask;
    }

    public String edition() {
        return edition;
    }

    public String lab() {
        return lab;
    }

    public Path reportDir() {
        return reportDir;
    }

    /** The run's input seed: fresh for each run unless grade.seed fixes it. */
    public long seed() {
        return seed;
    }

    /**
     * The flags of every timed JVM (heap and GC): the build's {@code grade.jvmFlags}, which the JVMs that grade get
     * as a system property, so that a JVM a check forks runs with the same ones as the JVM that forked it. Where the
     * property is not set (a test run from an IDE), this JVM's own heap and GC flags.
     */
    public List<String> timedJvmFlags() {
        return timedJvmFlags;
    }

    private static List<String> ownHeapAndGcFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(f -> f.startsWith("-Xms") || f.startsWith("-Xmx") || f.matches("-XX:[+]Use[A-Za-z]*GC")
                        || f.equals("-XX:+AlwaysPreTouch"))
                .collect(Collectors.toUnmodifiableList());
    }

    /** How much a failed check's hint tells: the level the lab's grading.json names. */
    public Hints.Level hintLevel() {
        return hintLevel;
    }

    /**
     * The inputs of one named use (a check, a pool, the calls of a test), drawn from the run's seed: the same seed
     * gives the same inputs, and no output reveals the seed or the values still to come ({@link KeyedRandom}).
     */
    public KeyedRandom random(String name) {
        return KeyedRandom.of(seed, name);
    }

    public String modeName() {
        return correctnessOnly ? "correctness" : "full";
    }

    /** The one task a run grades ({@code -Dgrade.task}), or 0 for every task. */
    public int task() {
        return task;
    }

    /** The run's mode as a student reads it: {@code full mode}, {@code correctness mode, task 2 only}, ... */
    public String describeMode() {
        return modeName() + " mode" + (task == 0 ? "" : ", task " + task + " only");
    }
}
