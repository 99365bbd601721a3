package org.vmaware.grader.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.random.RandomGenerator;

import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

import org.vmaware.grader.timing.Comparison;
import org.vmaware.grader.timing.ForkedSpeedUp;

/** A known workload's profile names its hot method and its allocating site, and no recorder sits beside verdicts. */
class ProfileTest {

    /** The tests' side of the workload: hidden from the profile, as a lab's tests are. */
    public static final class KnownWorkload implements Comparison<int[], Long> {
        @Override
        public int[] input(RandomGenerator random) {
            return random.ints(4096).toArray();
        }

        @Override
        public Long baseline(int[] values) {
            return Workloads.allocatingSite(values);
        }

        @Override
        public Long candidate(int[] values) {
            return Workloads.hotLoop(values);
        }
    }

    /**
     * Both sides do a little work and answer, negative, if a flight recorder exists in the JVM that measures them: it
     * must not. The work keeps the engine's batches, and the inputs it makes for them, small.
     */
    public static final class AsksForARecorder implements Comparison<long[], Long> {
        @Override
        public long[] input(RandomGenerator random) {
            return new long[] {random.nextLong()};
        }

        @Override
        public Long baseline(long[] value) {
            return answer(value[0]);
        }

        @Override
        public Long candidate(long[] value) {
            return answer(value[0]);
        }

        @Override
        public boolean sameResult(Long baseline, Long candidate) {
            return baseline >= 0 && candidate >= 0;
        }

        private static long answer(long seed) {
            long x = seed;
            for (int i = 0; i < 2_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return FlightRecorder.isInitialized() ? -1 : x & Long.MAX_VALUE;
        }
    }

    /** Inputs far dearer than either side, as fresh data for every call can be. */
    public static final class DearInputs extends Workless {
        @Override
        public int[] input(RandomGenerator random) {
            return random.ints(1 << 16).toArray();
        }
    }

    /** A comparison the child cannot make. */
    public static final class NoConstructor extends Workless {
        private NoConstructor() {
        }
    }

    /** A comparison that does nothing. */
    public abstract static class Workless implements Comparison<int[], Long> {
        @Override
        public int[] input(RandomGenerator random) {
            return new int[0];
        }

        @Override
        public Long baseline(int[] values) {
            return 0L;
        }

        @Override
        public Long candidate(int[] values) {
            return 0L;
        }
    }

    private static boolean students(String type) {
        return type.equals(Workloads.class.getName());
    }

    @Test
    void namesTheHotMethodAndTheAllocatingSite() {
        Profile profile = Profiler.of(KnownWorkload.class).students(ProfileTest::students)
                .recordFor(Duration.ofMillis(1500)).profile();
        assertNull(profile.note(), () -> "no profile: " + profile.note());
        String hot = Workloads.class.getName() + ".hotLoop";
        assertTrue(profile.topFrames().stream().limit(3).anyMatch(f -> f.method().equals(hot) && f.students()),
                () -> "the top frames should name " + hot + ": " + profile.topFrames());
        assertTrue(profile.allocations().stream().anyMatch(a -> a.site().startsWith(Workloads.class.getName()
                + ".allocatingSite") && a.type().equals("long[]")), () -> "allocations: " + profile.allocations());
        assertTrue(profile.compilations().stream().anyMatch(c -> c.method().equals(hot) && c.tier() > 0),
                () -> "compilations: " + profile.compilations());
        assertTrue(profile.inlinings().stream().anyMatch(i -> i.caller().equals(hot)
                && i.callee().equals(Workloads.class.getName() + ".mix") && i.inlined()),
                () -> "inlining: " + profile.inlinings());
        // the tests' own classes stay unseen
        String json = profile.toJson().toString();
        assertFalse(json.contains(KnownWorkload.class.getSimpleName()) || json.contains("ProfileTest"), json);
        assertTrue(json.getBytes(StandardCharsets.UTF_8).length < 20 * 1024, "extra_data.profile is capped");
        assertTrue(profile.consoleLines().size() <= 5, () -> String.join("\n", profile.consoleLines()));
        // the recording was made in the child: none here
        assertFalse(FlightRecorder.isInitialized(), "a recorder in the JVM that profiles");
    }

    @Test
    void theTestsBuildingInputsAreCountedApart() {
        Profile profile = Profiler.of(DearInputs.class).students(ProfileTest::students)
                .recordFor(Duration.ofMillis(500)).profile();
        assertNull(profile.note(), () -> "no profile: " + profile.note());
        assertTrue(profile.topFrames().get(0).method().equals(Profile.INPUTS), () -> "top: " + profile.topFrames());
        assertTrue(profile.allocations().get(0).site().equals(Profile.INPUTS), () -> "allocations: "
                + profile.allocations());
    }

    @Test
    void noRecorderWhereVerdictsAreMeasured() {
        // a recorder in the measuring child would make every answer wrong, and the check throw
        ForkedSpeedUp.of("no recorder while measuring", AsksForARecorder.class).atLeast(1.2).measure();
        assertFalse(FlightRecorder.isInitialized(), "a recorder in the test JVM, where in-JVM verdicts are measured");
    }

    @Test
    void aRecordingThatCannotBeMadeLeavesANote() {
        Profile profile = Profiler.of(NoConstructor.class).recordFor(Duration.ofMillis(100)).profile();
        assertTrue(profile.note() != null && profile.consoleLines().size() == 1, profile::toString);
    }
}
