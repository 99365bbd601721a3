package org.vmaware.grader.timing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.fork.ForkedJvm;

/**
 * The timing verdict engine run in a child JVM with other flags, its verdict brought back whole: for lessons
 * about the interpreter ({@code -Xint}) and the JIT's tiers ({@code -XX:TieredStopAtLevel=1}).
 *
 * <pre>
 * Verdict verdict = ForkedSpeedUp.of("macroEquivOpt vs noOpt, interpreter", MacroUnderInterpreter.class)
 *         .flags("-Xint").atLeast(1.6).hint("write the five additions out: no call").measure();
 * verdict.require();
 * </pre>
 *
 * <p>The child is this JVM's own {@code java.home}/bin/java with this JVM's class path, a pinned heap and GC (so a
 * 1-CPU grader measures what the thresholds assumed) and the given flags. Its verdict, the machine line included
 * (the child's JIT tier, not the parent's), comes back as one JSON line on its output; everything else it prints
 * is drained and capped. A child that fails, crashes or overruns its time limit fails the check with its output.</p>
 */
public final class ForkedSpeedUp {

    /** Marks the child's verdict line in its output. */
    static final String VERDICT_LINE = "@@forked-verdict ";
    /** Marks the child's failure line (results differ, a bad comparison class). */
    static final String FAILURE_LINE = "@@forked-failure ";

    private static final List<String> PINNED_FLAGS = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Class<? extends Comparison<?, ?>> comparison;
    private final List<String> flags = new ArrayList<>(PINNED_FLAGS);
    private double target = Double.NaN;
    private String hint = "";
    private Duration timeout = Duration.ofMinutes(2);

    private ForkedSpeedUp(String name, Class<? extends Comparison<?, ?>> comparison) {
        this.name = Objects.requireNonNull(name);
        this.comparison = Objects.requireNonNull(comparison);
    }

    public static ForkedSpeedUp of(String name, Class<? extends Comparison<?, ?>> comparison) {
        return new ForkedSpeedUp(name, comparison);
    }

    /** JVM flags of the child, after the pinned heap and GC. */
    public ForkedSpeedUp flags(String... jvmFlags) {
        flags.addAll(List.of(jvmFlags));
        return this;
    }

    public ForkedSpeedUp atLeast(double speedUp) {
        if (!(speedUp >= Band.NAIVE_REACH)) {
            throw new IllegalArgumentException("a target must be " + Band.NAIVE_REACH + "x or more, got " + speedUp);
        }
        target = speedUp;
        return this;
    }

    public ForkedSpeedUp hint(String text) {
        hint = Objects.requireNonNull(text);
        return this;
    }

    public ForkedSpeedUp timeout(Duration limit) {
        timeout = Objects.requireNonNull(limit);
        return this;
    }

    /** Runs the child and returns its verdict; throws {@link AssertionFailedError} if the child could not decide. */
    public Verdict measure() {
        if (Double.isNaN(target)) {
            throw new IllegalStateException("call atLeast(target) first");
        }
        long seed = GradingSettings.current().seedFor(name);
        ForkedJvm.Result result = ForkedJvm.main(ForkedSpeedUpMain.class.getName()).flags(flags)
                .args(comparison.getName(), name, Double.toString(target), Long.toString(seed), hint)
                .timeout(timeout).outputLimit(256 * 1024).run();
        for (String line : result.output().split("\n")) {
            if (line.startsWith(VERDICT_LINE)) {
                return Verdict.fromMap(read(line.substring(VERDICT_LINE.length())));
            }
            if (line.startsWith(FAILURE_LINE)) {
                throw new AssertionFailedError(name + ": " + line.substring(FAILURE_LINE.length()));
            }
        }
        throw new AssertionFailedError(String.format(Locale.ROOT, "%s: the child JVM (%s) %s without a verdict.%n%s",
                name, String.join(" ", flags), result.timedOut() ? "ran past " + timeout.toSeconds() + " s"
                        : "exited with status " + result.exitCode(), tail(result.output())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable verdict from a child JVM", e);
        }
    }

    static String write(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : "..." + output.substring(output.length() - 2000);
    }
}
