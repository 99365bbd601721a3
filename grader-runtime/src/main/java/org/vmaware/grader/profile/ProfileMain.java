package org.vmaware.grader.profile;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;

import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.timing.Comparison;

/**
 * The child side of {@link Profiler}: runs a comparison's candidate and its baseline on fresh inputs, from the JIT's
 * start until warm, under a recording, and writes the recording to a file.
 *
 * <pre>
 * java FLAGS -cp CP org.vmaware.grader.profile.ProfileMain COMPARISON_CLASS SEED MILLIS RECORDING_FILE
 * </pre>
 */
public final class ProfileMain {

    /** Frame type sent once the recording is written. */
    static final String RECORDED = "recorded";
    /** Frame type of a failure (a bad comparison class, a recording that could not be made): text. */
    static final String FAILED = "failed";

    /** Where results go, so that the JIT cannot drop the calls that made them. */
    private static volatile Object sink;

    private ProfileMain() {
    }

    public static void main(String[] args) {
        Channel.openInChild();
        try {
            Comparison<Object, Object> comparison = comparison(args[0]);
            KeyedRandom random = KeyedRandom.of(Long.parseLong(args[1]), "profile inputs");
            long millis = Long.parseLong(args[2]);
            try (Recording recording = new Recording()) {
                // the defaults hide what a student needs: compilations under 1 s, inlining, most samples
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
                recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
                recording.enable("jdk.CompilerInlining");
                recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s").withStackTrace();
                recording.enable("jdk.GarbageCollection");
                recording.start();
                long end = System.nanoTime() + millis * 1_000_000;
                while (System.nanoTime() < end) {
                    Object input = comparison.input(random);
                    sink = comparison.candidate(input);
                    sink = comparison.baseline(comparison.input(random));
                }
                recording.stop();
                recording.dump(Path.of(args[3]));
            }
            Channel.send(RECORDED, args[3]);
            System.exit(0);
        } catch (Exception | LinkageError e) {
            Channel.send(FAILED, String.valueOf(e).replace('\n', ' '));
            System.exit(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Comparison<Object, Object> comparison(String name) throws ReflectiveOperationException {
        return (Comparison<Object, Object>) Class.forName(name).getDeclaredConstructor().newInstance();
    }
}
