package org.vmaware.grader.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.Outcome;

/**
 * The timing verdict engine: decides whether a candidate is at least a target factor faster than a baseline,
 * with a stated error budget, on a shared and noisy machine.
 *
 * <pre>
 * Verdict v = SpeedUp.of("StringBuilder vs +=", random -&gt; Pieces.random(random, 10_000),
 *                        Baseline::plusLoop, Concatenations::withStringBuilder)
 *         .atLeast(10)
 *         .hint("append to one StringBuilder")
 *         .measure();
 * </pre>
 *
 * <p>How (measured in DESIGN.md at no wrong verdict in 135 under load, where timing all of A then all of B was
 * wrong 21% of the time):</p>
 * <ol>
 *   <li>Inputs are generated outside the timed region, a fresh one for every call (a cache keyed by input
 *       gains nothing); every result is kept and the two sides' results are compared.</li>
 *   <li>Batches are calibrated so one batch takes a few milliseconds, many steps of the clock.</li>
 *   <li>Warm-up alternates the sides for at least 0.3 s of clock time, until the median of each side's last three
 *       per-call times is within 5% of the three before (at most 1.5 s).</li>
 *   <li>Each round runs one batch of each side in random order; the round's speed-up is the ratio of their
 *       per-call times. The verdict uses the median of these paired ratios and its exact sign-test interval.</li>
 *   <li>Sequential stop: after 20 rounds and then every 5, PASS if the interval's low end is at or above the target,
 *       FAIL if its high end is below it and no partial-credit band lies inside it (so a band the next rounds
 *       could prove is not withheld). The error budget (default 0.1% per check) is split over every look of
 *       every attempt, so the repeated looks and the retry spend it rather than add to it.</li>
 *   <li>The budget is counted in rounds and clock time, not wall time: a half-CPU grader collects the same
 *       evidence, later.</li>
 *   <li>After the last round, one retry; then INCONCLUSIVE, reported as such.</li>
 *   <li>The CPU time of all threads and of the process is read beside the thread's: a candidate whose work shows up
 *       on other threads is timed by the CPU time of all threads instead, and the verdict says so; so are bytes
 *       it allocates on other threads.</li>
 * </ol>
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public final class SpeedUp<I, O> {

    private static final int MIN_ROUNDS = 20;
    /** Results kept per side and round for comparison (a power of two). */
    private static final int COMPARED = 64;
    private static final int RESULT_SLOTS = 2 * COMPARED;
    /** Warm-up rounds compared for stability: the median of the last three against the three before. */
    private static final int SETTLE_WINDOW = 3;
    /** Where each side's readings start in a round's sample: clock, live threads' CPU, process CPU. */
    private static final int BASELINE = 0;
    private static final int CANDIDATE = 3;
    private static final int LOOK_EVERY = 5;
    /** Warm-up ends after this many times its clock-time cap in wall time, whatever the clock says. */
    private static final int WARMUP_WALL_LIMIT = 4;

    private final String name;
    private final Function<SplittableRandom, ? extends I> inputs;
    private final Function<? super I, ? extends O> baseline;
    private final Function<? super I, ? extends O> candidate;
    private double target = Double.NaN;
    private List<Band> bands;
    private String hint = "";
    private Clock clock = Clock.THREAD_CPU;
    private BiPredicate<? super O, ? super O> sameResult = Objects::equals;
    private double errorBudget = 0.001;
    private int maxRounds = 80;
    private long batchNanos = 5_000_000L;
    private long warmupMinNanos = 300_000_000L;
    private long warmupMaxNanos = 1_500_000_000L;
    private long budgetNanos = 4_000_000_000L;
    private int retries = 1;
    private int roundsPerInput = 1;
    private long seed;

    private SpeedUp(String name, Function<SplittableRandom, ? extends I> inputs, Function<? super I, ? extends O> baseline,
            Function<? super I, ? extends O> candidate) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.seed = GradingSettings.current().seedFor(name);
    }

    /**
     * Starts a comparison.
     *
     * @param name      what is compared, shown to students
     * @param inputs    makes one fresh input from a seeded random source (called outside the timed region)
     * @param baseline  the naive side
     * @param candidate the side that should be faster
     */
    public static <I, O> SpeedUp<I, O> of(String name, Function<SplittableRandom, ? extends I> inputs,
            Function<? super I, ? extends O> baseline, Function<? super I, ? extends O> candidate) {
        return new SpeedUp<>(name, inputs, baseline, candidate);
    }

    /**
     * The speed-up needed for full points; partial credit comes in the default bands below it: half the points at
     * its square root, a quarter at its fourth root, each only where at least 1.2x ({@link Band#NAIVE_REACH}).
     */
    public SpeedUp<I, O> atLeast(double speedUp) {
        if (!(speedUp >= Band.NAIVE_REACH)) {
            throw new IllegalArgumentException("a target must be " + Band.NAIVE_REACH + "x or more, got " + speedUp);
        }
        target = speedUp;
        List<Band> defaults = new ArrayList<>();
        defaults.add(new Band(speedUp, 1.0));
        if (Math.sqrt(speedUp) >= Band.NAIVE_REACH) {
            defaults.add(new Band(Math.sqrt(speedUp), 0.5));
        }
        if (Math.sqrt(Math.sqrt(speedUp)) >= Band.NAIVE_REACH) {
            defaults.add(new Band(Math.sqrt(Math.sqrt(speedUp)), 0.25));
        }
        bands = defaults;
        return this;
    }

    /** Replaces the partial-credit bands below the target (each at least 1.2x). */
    public SpeedUp<I, O> partialCredit(Band... lower) {
        requireTarget();
        List<Band> all = new ArrayList<>();
        all.add(new Band(target, 1.0));
        for (Band band : lower) {
            if (band.atLeast() >= target) {
                throw new IllegalArgumentException("a partial band must lie below the target " + target);
            }
            all.add(band);
        }
        bands = all;
        return this;
    }

    /** What to try when the check fails, written for this task. */
    public SpeedUp<I, O> hint(String text) {
        hint = Objects.requireNonNull(text);
        return this;
    }

    /** The clock: thread CPU time (default) or wall time where threads are the point. */
    public SpeedUp<I, O> clock(Clock which) {
        clock = Objects.requireNonNull(which);
        return this;
    }

    /** How two results are compared (default {@code equals}). */
    public SpeedUp<I, O> sameResult(BiPredicate<? super O, ? super O> comparison) {
        sameResult = Objects.requireNonNull(comparison);
        return this;
    }

    /** The probability of a wrong verdict this check may spend, over all its looks and its retry (default 0.001). */
    public SpeedUp<I, O> errorBudget(double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("error budget must be in (0, 0.5), got " + alpha);
        }
        errorBudget = alpha;
        return this;
    }

    /** The rounds one attempt may take (default 80; at least 20). */
    public SpeedUp<I, O> maxRounds(int rounds) {
        if (rounds < MIN_ROUNDS) {
            throw new IllegalArgumentException("at least " + MIN_ROUNDS + " rounds, got " + rounds);
        }
        maxRounds = rounds;
        return this;
    }

    /** Keep each input for this many rounds (large inputs cannot be held fresh for forty rounds in a small heap). */
    public SpeedUp<I, O> roundsPerInput(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("roundsPerInput must be at least 1");
        }
        roundsPerInput = rounds;
        return this;
    }

    /** Fixes the input seed (default: derived from the run's seed and this check's name). */
    public SpeedUp<I, O> seed(long value) {
        seed = value;
        return this;
    }

    /** Measures and decides. Never throws for a slow or fast candidate; throws if the results differ. */
    public Verdict measure() {
        requireTarget();
        if (!clock.available()) {
            clock = Clock.WALL;
        }
        long step = clock == Clock.THREAD_CPU ? Clock.threadCpuGranularity() : 1_000;
        Run run = new Run(new SplittableRandom(seed), Math.max(batchNanos, 50 * step));
        run.warmUp();
        int looks = (maxRounds - MIN_ROUNDS) / LOOK_EVERY + 1;
        int attempts = 1 + retries;
        double alphaPerLook = errorBudget / ((double) looks * attempts);
        Decision last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            last = run.attempt(alphaPerLook);
            if (last.outcome != Outcome.INCONCLUSIVE) {
                return verdict(last, attempt, run);
            }
        }
        return verdict(last, attempts, run);
    }

    private Verdict verdict(Decision decision, int attempt, Run run) {
        double fraction;
        Outcome outcome = decision.outcome;
        if (outcome == Outcome.PASS) {
            fraction = 1.0;
        } else {
            fraction = bands.stream().filter(b -> b.atLeast() < target && decision.interval[0] >= b.atLeast())
                    .max(Comparator.comparingDouble(Band::atLeast)).map(Band::fraction).orElse(0.0);
            if (outcome == Outcome.FAIL && fraction > 0) {
                outcome = Outcome.PARTIAL;
            }
        }
        return new Verdict(name, outcome, target, decision.interval, errorBudget, decision.rounds, attempt, fraction,
                decision.clockName, decision.baselinePerCall, decision.candidatePerCall, run.notes(decision), hint,
                decision.ratios, run.warmupRounds, run.warmupNanos);
    }

    private boolean bandsDecided(double[] interval) {
        return bandsDecided(bands, target, interval);
    }

    /**
     * Whether no partial-credit band below {@code target} has its threshold inside {@code interval} ({low, median,
     * high}): each band is then proven (low end at or above it) or ruled out (high end below it).
     */
    static boolean bandsDecided(List<Band> bands, double target, double[] interval) {
        return bands.stream().filter(b -> b.atLeast() < target)
                .noneMatch(b -> interval[0] < b.atLeast() && b.atLeast() <= interval[2]);
    }

    private void requireTarget() {
        if (Double.isNaN(target)) {
            throw new IllegalStateException("call atLeast(target) first");
        }
    }

    /** One decision of one attempt. */
    private static final class Decision {
        Outcome outcome;
        double[] interval;
        int rounds;
        double[] ratios;
        String clockName;
        double baselinePerCall;
        double candidatePerCall;
        boolean offloaded;
        /** Other threads' CPU time per unit of the baseline's own while it was timed, beyond the candidate's; 0 if none. */
        double interference;
    }

    /** The state of one measurement: batch sizes, inputs, clocks. */
    private final class Run {
        private final SplittableRandom random;
        private final long batchTarget;
        private int baselineBatch = 1;
        private int candidateBatch = 1;
        private Object[] batchInputs = new Object[0];
        private int inputAge = Integer.MAX_VALUE;
        private final Object[] baselineOut = new Object[RESULT_SLOTS];
        private final Object[] candidateOut = new Object[RESULT_SLOTS];
        private long baselineThread;
        private long baselineProcess;
        private long candidateThread;
        private long candidateProcess;
        private long baselineLive;
        private long candidateLive;
        private long baselineBytesElsewhere;
        private long candidateBytesElsewhere;
        private long baselineCalls;
        private long candidateCalls;
        private long baselineThreadsStarted;
        private long candidateThreadsStarted;

        private long warmupNanos;
        private int warmupRounds;

        Run(SplittableRandom random, long batchTarget) {
            this.random = random;
            this.batchTarget = batchTarget;
        }

        void warmUp() {
            long spent = 0;
            List<Double> baselineTimes = new ArrayList<>();
            List<Double> candidateTimes = new ArrayList<>();
            long wallStart = System.nanoTime();
            while (spent < warmupMaxNanos && System.nanoTime() - wallStart < WARMUP_WALL_LIMIT * warmupMaxNanos) {
                long[] sample = round();
                spent += sample[BASELINE] + sample[CANDIDATE];
                baselineTimes.add((double) sample[BASELINE] / baselineBatch);
                candidateTimes.add((double) sample[CANDIDATE] / candidateBatch);
                baselineBatch = batchFor(work(sample, BASELINE) / baselineBatch);
                candidateBatch = batchFor(work(sample, CANDIDATE) / candidateBatch);
                warmupRounds++;
                if (spent >= warmupMinNanos && settled(baselineTimes) && settled(candidateTimes)) {
                    break;
                }
            }
            warmupNanos = spent;
            baselineThread = baselineProcess = candidateThread = candidateProcess = baselineLive = candidateLive = 0;
            baselineBytesElsewhere = candidateBytesElsewhere = baselineCalls = candidateCalls = 0;
            baselineThreadsStarted = candidateThreadsStarted = 0;
        }

        /** Whether the median of the last three per-call times is within 5% of the median of the three before. */
        private boolean settled(List<Double> times) {
            int n = times.size();
            if (n < 2 * SETTLE_WINDOW) {
                return false;
            }
            double recent = median(times.subList(n - SETTLE_WINDOW, n).stream().mapToDouble(Double::doubleValue).toArray());
            double before = median(times.subList(n - 2 * SETTLE_WINDOW, n - SETTLE_WINDOW).stream()
                    .mapToDouble(Double::doubleValue).toArray());
            return Math.abs(recent / Math.max(1e-9, before) - 1) < 0.05;
        }

        /**
         * A side's work in one batch, for sizing batches: its clock time, or the CPU time of all live threads if
         * that is larger under the thread clock. A side that hands its work to other threads barely moves its own
         * thread's clock; sized by that alone, its batches would grow to a million calls and run for minutes.
         */
        private double work(long[] sample, int side) {
            return clock == Clock.THREAD_CPU ? Math.max(sample[side], sample[side + 1]) : sample[side];
        }

        private int batchFor(double nanosPerCall) {
            double calls = batchTarget / Math.max(1.0, nanosPerCall);
            return (int) Math.max(1, Math.min(1_000_000, Math.round(calls)));
        }

        Decision attempt(double alphaPerLook) {
            double[] threadRatios = new double[maxRounds];
            double[] baselineTimes = new double[maxRounds];
            double[] candidateTimes = new double[maxRounds];
            double[] baselineLiveTimes = new double[maxRounds];
            double[] candidateLiveTimes = new double[maxRounds];
            long spent = 0;
            Decision decision = new Decision();
            for (int r = 0; r < maxRounds; r++) {
                long[] sample = round();
                spent += sample[BASELINE] + sample[CANDIDATE];
                baselineTimes[r] = (double) sample[BASELINE] / baselineBatch;
                candidateTimes[r] = (double) sample[CANDIDATE] / candidateBatch;
                baselineLiveTimes[r] = (double) sample[BASELINE + 1] / baselineBatch;
                candidateLiveTimes[r] = (double) sample[CANDIDATE + 1] / candidateBatch;
                threadRatios[r] = baselineTimes[r] / Math.max(1e-9, candidateTimes[r]);
                int rounds = r + 1;
                boolean look = rounds >= MIN_ROUNDS && (rounds - MIN_ROUNDS) % LOOK_EVERY == 0;
                boolean outOfBudget = spent >= budgetNanos && rounds >= MIN_ROUNDS;
                if (look || outOfBudget || rounds == maxRounds) {
                    decision.offloaded = offloaded();
                    decision.interference = interference();
                    double[] ratios = decision.offloaded
                            ? allThreadRatios(baselineLiveTimes, candidateLiveTimes, rounds)
                            : Arrays.copyOf(threadRatios, rounds);
                    double[] interval = SignTest.medianInterval(ratios, alphaPerLook);
                    decision.interval = interval;
                    decision.rounds = rounds;
                    decision.ratios = ratios;
                    decision.clockName = decision.offloaded ? "CPU time of all threads: work ran on other threads"
                            : clock == Clock.THREAD_CPU ? "thread CPU time" : "wall time";
                    decision.baselinePerCall = median(Arrays.copyOf(decision.offloaded ? baselineLiveTimes : baselineTimes, rounds));
                    decision.candidatePerCall = median(Arrays.copyOf(decision.offloaded ? candidateLiveTimes : candidateTimes, rounds));
                    if (decision.interference > 0) {
                        // something else ran while the naive side was timed: its times, and the ratio, are not
                        // the naive code's own, so the candidate is not credited with them
                        decision.outcome = Outcome.FAIL;
                        return decision;
                    }
                    if (interval[0] >= target) {
                        decision.outcome = Outcome.PASS;
                        return decision;
                    }
                    // below the target, stop only once the partial credit is decided too (or the rounds run out):
                    // stopping at the first look would withhold a band the next rounds could prove
                    if (interval[2] < target && (bandsDecided(interval) || outOfBudget || rounds == maxRounds)) {
                        decision.outcome = Outcome.FAIL;
                        return decision;
                    }
                    if (outOfBudget) {
                        break;
                    }
                }
            }
            decision.outcome = Outcome.INCONCLUSIVE;
            return decision;
        }

        /**
         * Whether the candidate's work shows up on other threads, from exact counts only: the CPU time of the live
         * Java threads beside the measuring one grows by far more during the candidate's batches than during the
         * baseline's (a background thread or the GC adds to both sides alike), or the candidate starts threads while
         * it is timed. (The process clock is not used to decide: on Linux it ticks in 10 ms, and its noise over a
         * few 5 ms batches once flagged a candidate that ran on one thread.)
         */
        private boolean offloaded() {
            if (clock != Clock.THREAD_CPU || candidateThread <= 0 || baselineThread <= 0) {
                return false;
            }
            double candidateExcess = (double) (candidateLive - candidateThread) / candidateThread;
            double baselineExcess = (double) (baselineLive - baselineThread) / baselineThread;
            return candidateExcess - baselineExcess > 0.5 || startsThreads(candidateThreadsStarted, candidateCalls);
        }

        /**
         * Whether other threads ran far more while the baseline was timed than while the candidate was: a thread of
         * the code under test that competes with the naive side for the CPU, its caches or memory bandwidth and
         * rests while the candidate runs. Returns the excess (other threads' CPU per unit of the baseline's own,
         * minus the same for the candidate), or 0 below half a CPU's worth.
         */
        private double interference() {
            if (clock != Clock.THREAD_CPU || candidateThread <= 0 || baselineThread <= 0) {
                return 0;
            }
            double candidateExcess = (double) (candidateLive - candidateThread) / candidateThread;
            double baselineExcess = (double) (baselineLive - baselineThread) / baselineThread;
            double excess = baselineExcess - candidateExcess;
            return excess > 0.5 ? excess : 0;
        }

        /** Whether a side started threads in its timed batches (more than one in a hundred calls). */
        private boolean startsThreads(long started, long calls) {
            return started * 100 > calls;
        }

        /**
         * Per-round speed-ups when work ran on other threads: each side's CPU time over all live Java threads. A side
         * that started threads also gets its share of the CPU time that only the process clock saw (threads that
         * ended before the batch did), spread evenly over its calls: coarse per batch, but unbiased over many.
         */
        private double[] allThreadRatios(double[] baselineLiveTimes, double[] candidateLiveTimes, int rounds) {
            double baselineUnseen = startsThreads(baselineThreadsStarted, baselineCalls)
                    ? Math.max(0, baselineProcess - baselineLive) / (double) Math.max(1, baselineCalls) : 0;
            double candidateUnseen = startsThreads(candidateThreadsStarted, candidateCalls)
                    ? Math.max(0, candidateProcess - candidateLive) / (double) Math.max(1, candidateCalls) : 0;
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = (baselineLiveTimes[r] + baselineUnseen) / Math.max(1e-9, candidateLiveTimes[r] + candidateUnseen);
            }
            return ratios;
        }

        List<String> notes(Decision decision) {
            List<String> notes = new ArrayList<>();
            if (decision.interference > 0) {
                notes.add(String.format(java.util.Locale.ROOT, "other threads used %.0f%% more CPU while the naive"
                        + " baseline was timed than while your code was: something the submission started ran beside"
                        + " the baseline, so the comparison cannot credit the speed-up (a background thread that slows"
                        + " the naive side fails the check)", 100 * decision.interference));
            }
            if (decision.offloaded) {
                notes.add("the candidate's work ran on other threads (a parallel stream or a helper thread), which"
                        + " the calling thread's CPU clock does not see; both sides were timed by the CPU time of all"
                        + " threads");
            }
            double candidateElsewhere = (double) candidateBytesElsewhere / Math.max(1, candidateCalls);
            double baselineElsewhere = (double) baselineBytesElsewhere / Math.max(1, baselineCalls);
            if (candidateElsewhere > 1024 && candidateElsewhere > 2 * baselineElsewhere) {
                notes.add(String.format(java.util.Locale.ROOT, "the candidate allocated %,.0f bytes per call on other"
                        + " threads, which the calling thread's counters do not see", candidateElsewhere));
            }
            if (roundsPerInput > 1) {
                notes.add("each input served " + roundsPerInput + " rounds");
            }
            return notes;
        }

        /**
         * One round: both sides in random order. Returns {baselineClock, baselineLiveThreads, baselineProcess,
         * candidateClock, candidateLiveThreads, candidateProcess} in nanoseconds.
         */
        long[] round() {
            int needed = Math.max(baselineBatch, candidateBatch);
            if (batchInputs.length < needed || inputAge >= roundsPerInput) {
                batchInputs = new Object[needed];
                for (int i = 0; i < needed; i++) {
                    batchInputs[i] = inputs.apply(random);
                }
                inputAge = 0;
            }
            inputAge++;
            long[] sample = new long[6];
            if (random.nextBoolean()) {
                time(baseline, baselineBatch, baselineOut, sample, BASELINE);
                time(candidate, candidateBatch, candidateOut, sample, CANDIDATE);
            } else {
                time(candidate, candidateBatch, candidateOut, sample, CANDIDATE);
                time(baseline, baselineBatch, baselineOut, sample, BASELINE);
            }
            baselineThread += sample[BASELINE];
            baselineLive += sample[BASELINE + 1];
            baselineProcess += sample[BASELINE + 2];
            candidateThread += sample[CANDIDATE];
            candidateLive += sample[CANDIDATE + 1];
            candidateProcess += sample[CANDIDATE + 2];
            compare(Math.min(COMPARED, Math.min(baselineBatch, candidateBatch)));
            Arrays.fill(candidateOut, null);
            Arrays.fill(baselineOut, null);
            return sample;
        }

        @SuppressWarnings("unchecked")
        private void time(Function<? super I, ? extends O> side, int batch, Object[] results, long[] sample, int at) {
            Object[] in = batchInputs;
            long allThreadsBytes = Clock.allThreadsAllocatedBytes();
            long threadBytes = Clock.threadAllocatedBytes();
            long started = Clock.threadsStarted();
            long process = Clock.processCpu();
            long live = Clock.liveThreadsCpu();
            long start = clock.now();
            for (int i = 0; i < batch; i++) {
                // Every result is stored, so none can be optimized away; the first COMPARED stay for comparison,
                // the rest share a ring of slots, so a batch of thousands does not hold thousands of results.
                results[i < COMPARED ? i : COMPARED + (i & (COMPARED - 1))] = side.apply((I) in[i]);
            }
            long end = clock.now();
            sample[at] = Math.max(1, end - start);
            sample[at + 1] = Math.max(1, Clock.liveThreadsCpu() - live);
            sample[at + 2] = Clock.processCpu() - process;
            long newThreads = Clock.threadsStarted() - started;
            long elsewhere = Clock.allThreadsAllocatedBytes() - allThreadsBytes - (Clock.threadAllocatedBytes() - threadBytes);
            if (at == BASELINE) {
                baselineBytesElsewhere += Math.max(0, elsewhere);
                baselineCalls += batch;
                baselineThreadsStarted += newThreads;
            } else {
                candidateBytesElsewhere += Math.max(0, elsewhere);
                candidateCalls += batch;
                candidateThreadsStarted += newThreads;
            }
        }

        @SuppressWarnings("unchecked")
        private void compare(int count) {
            for (int i = 0; i < count; i++) {
                if (!sameResult.test((O) baselineOut[i], (O) candidateOut[i])) {
                    throw new AssertionFailedError(name + ": the candidate's result differs from the baseline's on"
                            + " the same input, so its time means nothing. Fix correctness first.",
                            abbreviate(baselineOut[i]), abbreviate(candidateOut[i]));
                }
            }
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
