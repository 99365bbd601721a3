package org.vmaware.grader.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What ran beside the timed batches, and whether it distorts the comparison: a candidate whose work runs on other
 * threads (offloading), or other threads that run while the baseline is timed and rest while the candidate is
 * (interference). Fed one reading per timed batch; decides from exact per-thread CPU counts, not from the code.
 *
 * <pre>
 * per round: other threads' CPU per unit of the measuring thread's, candidate's batch minus baseline's
 *   median over the rounds &gt; 0.5      offloaded: time the candidate by the CPU time of all threads
 *   median over the rounds &lt; -0.5     interference: the speed-up is not credited
 * other threads' CPU beside the candidate alone, median over the rounds &gt; 0.1: offloaded too
 * CPU only the process clock saw beside the candidate, beyond its rate beside the baseline (the JIT, the GC),
 *   over all batches &gt; 3 times the measuring thread's and 50 ms: offloaded too, charged that CPU
 * threads started or ended beside the candidate: offloaded too, charged that CPU likewise
 * </pre>
 *
 * <p>Offloaded, the candidate is timed by the CPU time of all live Java threads, and the baseline still by its own
 * thread's: the baseline is the tests' single-threaded code, so no other thread's CPU beside it is its work. A
 * helper thread that never rests (it spins or streams through memory when it has nothing to do) runs beside both
 * sides alike, so no difference between the sides shows it (red team 6); its CPU beside the candidate does, and
 * it is the candidate's cost.</p>
 *
 * <p>Why the median of per-round differences and not the sums: when the measuring thread is preempted (by the JIT,
 * or by another process on a shared machine) its clock stops while an honest background thread goes on, so one
 * preempted batch can make a steady neighbour look like a burst in the sums of a short verdict. The median ignores
 * such a batch, and costs no power against a cheat: the verdict itself is the median of the rounds' speed-ups, so
 * offloading or slowing the baseline in fewer than half of the rounds does not move it either.</p>
 */
final class Contamination {

    /** Other threads' CPU per unit of the measuring thread's, beyond the other side's, that counts. */
    private static final double EXCESS_LIMIT = 0.5;
    /** Other threads' CPU beside the candidate, per unit of the measuring thread's, that counts on its own. */
    private static final double BESIDE_CANDIDATE_LIMIT = 0.1;
    /** CPU that only the process clock saw, per unit of the measuring thread's, that counts as hidden work. */
    private static final double UNSEEN_LIMIT = 3;
    private static final long UNSEEN_MIN_NANOS = 50_000_000L;

    /** One side's readings over the timed batches. */
    static final class Side {
        private long threadNanos;
        private long liveNanos;
        private long processNanos;
        private long wallNanos;
        /** Per batch: other live Java threads' CPU per unit of the measuring thread's. */
        private final List<Double> others = new ArrayList<>();
        private long bytesElsewhere;
        private long calls;
        private long threadsStarted;
        private long threadsEnded;
        private int batchesWithAnEnd;

        /**
         * Adds one batch: the measuring thread's CPU, all live Java threads' CPU, the other live threads' CPU (read
         * in the same pass as the measuring thread's part of the sum), the process's CPU and the wall time, with the
         * bytes allocated elsewhere and the threads started and ended meanwhile.
         */
        void add(long thread, long live, long otherThreads, long process, long wall, long bytes, long batchCalls,
                long started, long ended) {
            threadNanos += thread;
            liveNanos += live;
            processNanos += process;
            wallNanos += wall;
            others.add((double) Math.max(0, otherThreads) / Math.max(1, thread));
            bytesElsewhere += Math.max(0, bytes);
            calls += batchCalls;
            threadsStarted += started;
            threadsEnded += ended;
            batchesWithAnEnd += ended > 0 ? 1 : 0;
        }

        /**
         * Whether threads started or ended during the side's timed batches (more than one in a hundred calls, or a
         * thread ended in a tenth of the batches, at least two): a thread that ends within a batch takes its CPU
         * time out of the live threads' sum, so its work shows only on the process clock.
         */
        boolean changesThreads() {
            // a helper that serves a whole batch ends once a batch: count the batches too, not only the calls
            return (threadsStarted + threadsEnded) * 100 > calls
                    || batchesWithAnEnd >= Math.max(2, others.size() / 10);
        }

        /** The CPUs the side kept busy: the process's CPU time over its batches per unit of their wall time. */
        double busyCpus() {
            return (double) processNanos / Math.max(1, wallNanos);
        }

        /** The process's CPU time per call of the side, all threads together. */
        double cpuPerCall() {
            return (double) processNanos / Math.max(1, calls);
        }

        /** CPU time that only the process clock saw during the side's batches: threads that ended, the JIT, the GC. */
        long unseenNanos() {
            return Math.max(0, processNanos - liveNanos);
        }

        double bytesElsewherePerCall() {
            return (double) bytesElsewhere / Math.max(1, calls);
        }

        /** The median over the batches of other live threads' CPU per unit of the measuring thread's. */
        double medianOthers() {
            double[] sorted = others.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private final boolean threadClock;
    private final boolean ownCpu;
    final Side baseline = new Side();
    final Side candidate = new Side();

    /**
     * @param threadClock whether the check asks for the measuring thread's CPU clock: only then is offloading
     *                    judged (a wall-clock check's work on other threads may be the lesson). A thread-clock check
     *                    timed by wall time, its batches too short for a coarse thread clock, is judged too: red
     *                    team 15 split lab01's naive 3b and 5b loops with a helper thread and passed both there
     * @param ownCpu      whether the readings' thread time is the measuring thread's own CPU, so interference can
     *                    be judged (under either clock)
     */
    Contamination(boolean threadClock, boolean ownCpu) {
        this.threadClock = threadClock;
        this.ownCpu = ownCpu;
    }

    private boolean judged() {
        return ownCpu && !baseline.others.isEmpty() && baseline.others.size() == candidate.others.size();
    }

    /**
     * CPU time that only the process clock saw during the candidate's batches, beyond the JVM's own background: the
     * baseline's process-only CPU per unit of its thread's, scaled to the candidate's thread time, is taken off. The
     * JIT's compiler threads and the GC are not Java threads, so only the process clock sees them, and in a young JVM
     * C2 compiles (the grader's own code too) through the timed batches of both sides alike: 1 to 2.5 times the
     * measuring thread's CPU on 2 cores, more with the several C2 threads of a larger machine (a JDK 25 CI run
     * charged an honest reference 3.2 times its own CPU, and failed it). Where threads started or ended beside the
     * baseline nothing is taken off: a thread that ends within the baseline's batches would otherwise raise the
     * allowance for the candidate's hidden work.
     */
    private long candidateUnseenNanos() {
        double background = baseline.changesThreads() ? 0
                : baseline.unseenNanos() / (double) Math.max(1, baseline.threadNanos);
        return Math.max(0, candidate.unseenNanos() - Math.round(background * candidate.threadNanos));
    }

    /**
     * Whether the process clock saw far more CPU during the candidate's batches than all live threads did, beyond
     * what it saw beside the baseline's ({@link #candidateUnseenNanos()}): at least {@link #UNSEEN_LIMIT} times the
     * measuring thread's CPU, and 50 ms (five of the process clock's ticks), over all its timed batches. Honest code
     * leaves only the tick's noise there.
     */
    private boolean hidesWork() {
        long unseen = candidateUnseenNanos();
        return unseen > UNSEEN_MIN_NANOS && unseen > UNSEEN_LIMIT * candidate.threadNanos;
    }

    /**
     * CPU time per call that only the process clock saw beside the candidate, beyond the baseline's background
     * (threads that ended within a batch), if any hides there.
     */
    private double unseenPerCall() {
        return candidate.changesThreads() || hidesWork()
                ? candidateUnseenNanos() / (double) Math.max(1, candidate.calls) : 0;
    }

    /** The median over the rounds of the candidate's batch's other-thread CPU minus the baseline's (per unit own). */
    private double medianExcess() {
        int rounds = candidate.others.size();
        double[] differences = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            differences[r] = candidate.others.get(r) - baseline.others.get(r);
        }
        Arrays.sort(differences);
        return rounds % 2 == 1 ? differences[rounds / 2] : (differences[rounds / 2 - 1] + differences[rounds / 2]) / 2;
    }

    /**
     * Whether the candidate's work shows up on other threads, threads start or end while it is timed, or the process
     * clock saw work during its batches that no live thread did.
     */
    boolean offloaded() {
        return threadClock && judged() && (medianExcess() > EXCESS_LIMIT
                || candidate.medianOthers() > BESIDE_CANDIDATE_LIMIT || candidate.changesThreads() || hidesWork());
    }

    /**
     * How much more other threads ran while the baseline was timed than while the candidate was (per unit of the
     * measuring thread's CPU, the median over the rounds), or 0 below half: a thread of the code under test that
     * competes with the naive side and rests while the candidate runs. Under the wall clock too: threads that take
     * CPUs from the naive side while it is timed by wall time slow it more than any cache could.
     */
    double interference() {
        if (!judged()) {
            return 0;
        }
        double excess = -medianExcess();
        return excess > EXCESS_LIMIT ? excess : 0;
    }

    /**
     * Per-round speed-ups of an offloaded candidate: the baseline by its own thread's CPU time, the candidate by the
     * CPU time of all live Java threads, plus its share of what only the process clock saw (threads that ended
     * within a batch), beyond the JVM's background beside the baseline, spread evenly over its calls.
     */
    double[] allThreadRatios(double[] baselinePerCall, double[] candidateLivePerCall, int rounds) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = baselinePerCall[r] / Math.max(1e-9, candidateLivePerCall[r] + unseenPerCall());
        }
        return ratios;
    }

    /** How many CPUs each side kept busy over its timed batches. */
    BusyCpus busyCpus() {
        return new BusyCpus(baseline.busyCpus(), candidate.busyCpus(), baseline.cpuPerCall(), candidate.cpuPerCall());
    }

    /** What a student reads about the distortions found. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        double interference = interference();
        if (interference > 0) {
            notes.add(String.format(Locale.ROOT, "other threads used %.0f%% more CPU while the naive baseline was timed"
                    + " than while your code was: something the submission started ran beside the baseline, so the"
                    + " comparison cannot credit the speed-up (a background thread that slows the naive side fails"
                    + " the check)", 100 * interference));
        }
        if (offloaded()) {
            // say which rule fired: each points at a different kind of code
            String what = candidate.changesThreads()
                    ? String.format(Locale.ROOT, "threads started or ended while your code was timed (%d over %,d"
                            + " calls: a thread per call, or helpers that end)", candidate.threadsStarted
                            + candidate.threadsEnded, candidate.calls)
                    : medianExcess() > EXCESS_LIMIT || candidate.medianOthers() > BESIDE_CANDIDATE_LIMIT
                    ? String.format(Locale.ROOT, "other threads ran while your code was timed (%.0f%% of the calling"
                            + " thread's CPU: a parallel stream or a helper thread)", 100 * candidate.medianOthers())
                    : String.format(Locale.ROOT, "the process used %.0f ms of CPU while your code was timed that no"
                            + " live thread did, beyond what it used beside the naive baseline (threads that ended)",
                            candidateUnseenNanos() / 1e6);
            notes.add(what + ", which the calling thread's CPU clock does not see; your code was timed by the CPU time"
                    + " of all threads, the naive baseline by its own");
        }
        double candidateElsewhere = candidate.bytesElsewherePerCall();
        if (candidateElsewhere > 1024 && candidateElsewhere > 2 * baseline.bytesElsewherePerCall()) {
            notes.add(String.format(Locale.ROOT, "the candidate allocated %,.0f bytes per call on other threads, which"
                    + " the calling thread's counters do not see", candidateElsewhere));
        }
        return notes;
    }
}
