package org.vmaware.grader.timing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;

/**
 * The timing verdict engine run in a child JVM with other flags, its verdict brought back whole: for lessons
 * about the interpreter ({@code -Xint}) and the JIT's tiers ({@code -XX:TieredStopAtLevel=1}).
 *
 * <pre>
 * Verdict verdict = ForkedSpeedUp.of("macroEquivOpt vs noOpt, interpreter", MacroUnderInterpreter.class)
 *         .flags("-Xint").atLeast(1.6).hint(Hints.forCheck("1d")).measure();
 * verdict.require();
 * </pre>
 *
 * <p>It offers the same builder as {@link SpeedUp} ({@link SpecBuilder}): the whole {@link Spec} travels to the
 * child as one value and is rebuilt there as written, so bands, clock, error budget and seed are the ones set
 * here. The child is this JVM's own {@code java.home}/bin/java with this JVM's class path, the timed JVMs' heap and
 * GC (so a 1-CPU grader measures what the thresholds assumed) and the given flags. Its verdict, the machine line
 * included (the child's JIT tier, not the parent's), comes back as one frame on the grader's {@link Channel},
 * which the code under test in the child cannot write; everything the child prints is drained and capped. A child
 * that fails, crashes or overruns its time limit fails the check with its output.</p>
 */
public final class ForkedSpeedUp extends SpecBuilder<ForkedSpeedUp> {

    /** Frame type of the child's verdict (JSON, {@link Verdict#toJson()}). */
    static final String VERDICT_FRAME = "verdict";
    /** Frame type of the child's failure (a wrong answer, a bad comparison class): text. */
    static final String FAILURE_FRAME = "failure";

    private final Class<? extends Comparison<?, ?>> comparison;
    /**
     * The timed JVMs' heap and GC ({@link GradingSettings#timedJvmFlags()}), then the check's own. Not their
     * pre-touch: touching a 256 MB heap costs a child about 0.3 s of start-up, which pays for a JVM that grades for
     * seconds, not for one that times one comparison (the campaign's forked verdicts ran without it).
     */
    private final List<String> flags = GradingSettings.current().timedJvmFlags().stream()
            .filter(flag -> !flag.equals("-XX:+AlwaysPreTouch")).collect(Collectors.toCollection(ArrayList::new));
    /** The check's own flags, apart from the heap's: what a profile of it runs with. */
    private final List<String> ownFlags = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(2);

    private ForkedSpeedUp(String name, Class<? extends Comparison<?, ?>> comparison) {
        super(name);
        this.comparison = Objects.requireNonNull(comparison);
    }

    public static ForkedSpeedUp of(String name, Class<? extends Comparison<?, ?>> comparison) {
        return new ForkedSpeedUp(name, comparison);
    }

    @Override
    ForkedSpeedUp self() {
        return this;
    }

    /** JVM flags of the child, after the timed JVMs' heap and GC. */
    public ForkedSpeedUp flags(String... jvmFlags) {
        flags.addAll(List.of(jvmFlags));
        ownFlags.addAll(List.of(jvmFlags));
        return this;
    }

    public ForkedSpeedUp timeout(Duration limit) {
        timeout = Objects.requireNonNull(limit);
        return this;
    }

    /** Runs the child and returns its verdict; throws {@link AssertionFailedError} if the child could not decide. */
    public Verdict measure() {
        Spec spec = spec();
        spec.requireTarget();
        CheckContext.current().profileWith(comparison.getName(), ownFlags, spec.seed());
        long started = System.nanoTime();
        List<Channel.Frame> frames = new ArrayList<>();
        ForkedJvm.Result result = ForkedJvm.main(ForkedSpeedUpMain.class.getName()).flags(flags)
                .args(comparison.getName(), encode(spec.toJson()))
                .channel(frame -> {
                    synchronized (frames) {
                        frames.add(frame);
                    }
                })
                .timeout(timeout).outputLimit(256 * 1024).run();
        List<Channel.Frame> answers;
        synchronized (frames) {
            answers = frames.stream().filter(f -> f.type().equals(VERDICT_FRAME) || f.type().equals(FAILURE_FRAME))
                    .collect(Collectors.toList());
        }
        if (answers.size() > 1) {
            // the engine sends exactly one: more means something else reached the channel
            throw new AssertionFailedError(spec.name() + ": the child JVM sent " + answers.size() + " verdicts, where"
                    + " the engine sends one; none is trusted");
        }
        if (answers.size() == 1) {
            Channel.Frame answer = answers.get(0);
            if (answer.type().equals(FAILURE_FRAME)) {
                throw new AssertionFailedError(spec.name() + ": " + answer.payload());
            }
            return Verdict.fromJson(answer.payload()).seenFromParent(System.nanoTime() - started);
        }
        throw new AssertionFailedError(String.format(Locale.ROOT, "%s: the child JVM (%s) %s without a verdict.%n%s",
                spec.name(), String.join(" ", flags), result.timedOut() ? "ran past " + timeout.toSeconds() + " s"
                        : "exited with status " + result.exitCode(), tail(result.output())));
    }

    /** A spec as one command-line word: base64 keeps quotes and spaces of hints out of the shell's way. */
    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String word) {
        return new String(Base64.getUrlDecoder().decode(word), StandardCharsets.UTF_8);
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : "..." + output.substring(output.length() - 2000);
    }
}
