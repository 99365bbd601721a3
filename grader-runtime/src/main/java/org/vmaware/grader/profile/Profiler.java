package org.vmaware.grader.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.ForkedJvm;
import org.vmaware.grader.timing.Comparison;

/**
 * Profiles a comparison in a fresh child JVM, never in one that measures verdicts: a recording made in a JVM stays
 * beside every later measurement there.
 *
 * <pre>
 * Profile profile = Profiler.of(ToStringInLoop.class).flags("-XX:TieredStopAtLevel=1")
 *         .students(name -&gt; name.startsWith("org.vmaware.lab03.") &amp;&amp; !name.contains(".grading."))
 *         .profile();
 * profile.consoleLines().forEach(System.out::println);
 * </pre>
 *
 * <p>A profile that cannot be made (no JFR in this JVM, a child that fails or runs past its time) comes back as
 * {@link Profile#unavailable}, with the reason: a profile is feedback and never fails a check.</p>
 */
public final class Profiler {

    /** The comparison class's binary name: the child loads it. */
    private final String comparison;
    private final List<String> flags = new ArrayList<>();
    private Predicate<String> students = name -> false;
    private long seed = 1;
    private long millis = 1_000;
    private Duration timeout = Duration.ofSeconds(30);

    private Profiler(String comparison) {
        this.comparison = Objects.requireNonNull(comparison);
    }

    public static Profiler of(Class<? extends Comparison<?, ?>> comparison) {
        return new Profiler(comparison.getName());
    }

    /** A profile of the comparison class of this binary name (a check's {@link ProfileRequest}). */
    public static Profiler of(String comparisonClass) {
        return new Profiler(comparisonClass);
    }

    /** The child's JVM flags: the verdict's own (its tiers included). */
    public Profiler flags(List<String> jvmFlags) {
        flags.addAll(jvmFlags);
        return this;
    }

    public Profiler flags(String... jvmFlags) {
        return flags(List.of(jvmFlags));
    }

    /** Which classes, by binary name, are the student's: only those and the JDK's they call are named. */
    public Profiler students(Predicate<String> studentClasses) {
        students = Objects.requireNonNull(studentClasses);
        return this;
    }

    /** The seed of the comparison's inputs. */
    public Profiler seed(long inputSeed) {
        seed = inputSeed;
        return this;
    }

    /** How long the candidate and the baseline run under the recording. */
    public Profiler recordFor(Duration duration) {
        millis = duration.toMillis();
        return this;
    }

    /** The child's time limit, start-up and recording included. */
    public Profiler timeout(Duration limit) {
        timeout = Objects.requireNonNull(limit);
        return this;
    }

    /** Runs the child and reads its recording. */
    public Profile profile() {
        Path recording = null;
        try {
            recording = Files.createTempFile("vmaware-profile-", ".jfr");
            List<Channel.Frame> frames = new ArrayList<>();
            ForkedJvm.Result result = ForkedJvm.main(ProfileMain.class.getName()).flags(flags)
                    .args(comparison, Long.toString(seed), Long.toString(millis), recording.toString())
                    .channel(frame -> {
                        synchronized (frames) {
                            frames.add(frame);
                        }
                    })
                    .timeout(timeout).outputLimit(64 * 1024).run();
            synchronized (frames) {
                for (Channel.Frame frame : frames) {
                    if (frame.type().equals(ProfileMain.FAILED)) {
                        return Profile.unavailable("the recording could not be made: " + frame.payload());
                    }
                    if (frame.type().equals(ProfileMain.RECORDED)) {
                        return Profile.read(recording, students);
                    }
                }
            }
            return Profile.unavailable(result.timedOut() ? "the profiling JVM ran past " + timeout.toSeconds() + " s"
                    : "the profiling JVM exited with status " + result.exitCode() + " without a recording");
        } catch (IOException | RuntimeException e) {
            return Profile.unavailable("the recording could not be read: " + e.getMessage());
        } finally {
            if (recording != null) {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException e) {
                    // a temporary file left behind costs nothing a grade depends on
                }
            }
        }
    }
}
