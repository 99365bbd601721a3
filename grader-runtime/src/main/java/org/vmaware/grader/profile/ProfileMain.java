package org.vmaware.grader.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

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
 *
 * <p>In a graded run ({@code GradedRun --channel --profile COMPARISON_CLASS SEED MILLIS}) the recording is read
 * in the child and the profile sent back ({@link #sendProfile}).</p>
 */
public final class ProfileMain {

    /** Frame type sent once the recording is written. */
    static final String RECORDED = "recorded";
    /** Frame type of a profile read in the child ({@link #sendProfile}): its JSON. */
    public static final String PROFILE = "profile";
    /** Frame type of a failure (a bad comparison class, a recording that could not be made): text. */
    public static final String FAILED = "failed";

    /** The method that builds each input: samples below it count as {@link Profile#INPUTS}. */
    static final String INPUT_METHOD = "freshInput";

    /** Where results go, so that the JIT cannot drop the calls that made them. */
    private static volatile Object sink;

    private ProfileMain() {
    }

    public static void main(String[] args) {
        Channel.openInChild();
        try {
            record(comparison(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            Channel.send(RECORDED, args[3]);
            System.exit(0);
        } catch (Exception | LinkageError e) {
            Channel.send(FAILED, String.valueOf(e).replace('\n', ' '));
            System.exit(1);
        }
    }

    /**
     * The graded run's side ({@code GradedRun --profile}): records the comparison, reads the recording here and
     * sends the profile's JSON as one {@value #PROFILE} frame, or a {@value #FAILED} frame with the reason.
     *
     * @param students which classes are the student's, by binary name
     */
    public static void sendProfile(String comparisonClass, long seed, long millis, Predicate<String> students) {
        Path recording = null;
        try {
            recording = Files.createTempFile("vmaware-profile-", ".jfr");
            record(comparison(comparisonClass), seed, millis, recording);
            Channel.send(PROFILE, Profile.read(recording, students).toJson().toString());
        } catch (Exception | LinkageError e) {
            // the message may be the code under test's, of any length: the parent cleans and cuts it again
            Channel.send(FAILED, Profile.unavailable(String.valueOf(e)).note());
        } finally {
            if (recording != null) {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException e) {
                    // the sandbox's home is deleted with the grading
                }
            }
        }
    }

    /** Runs the candidate and the baseline on fresh inputs for {@code millis} under a recording written to {@code file}. */
    static void record(Comparison<Object, Object> comparison, long seed, long millis, Path file) throws IOException {
        KeyedRandom random = KeyedRandom.of(seed, "profile inputs");
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
                sink = comparison.candidate(freshInput(comparison, random));
                sink = comparison.baseline(freshInput(comparison, random));
            }
            recording.stop();
            recording.dump(file);
        }
    }

    /** One input, built where a profile can tell its samples apart ({@value #INPUT_METHOD}). */
    private static Object freshInput(Comparison<Object, Object> comparison, KeyedRandom random) {
        return comparison.input(random);
    }

    @SuppressWarnings("unchecked")
    private static Comparison<Object, Object> comparison(String name) throws ReflectiveOperationException {
        return (Comparison<Object, Object>) Class.forName(name).getDeclaredConstructor().newInstance();
    }
}
