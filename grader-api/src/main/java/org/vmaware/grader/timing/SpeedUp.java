package org.vmaware.grader.timing;

import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.opentest4j.AssertionFailedError;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.KeyedRandom;
import org.vmaware.grader.Outcome;

/**
 * The timing verdict engine: decides whether a candidate is at least a target factor faster than a baseline,
 * with a stated error budget, on a shared and noisy machine, and checks that it gives the same answers.
 *
 * <pre>
 * Verdict v = SpeedUp.of("StringBuilder vs +=", random -&gt; Pieces.random(random, 10_000),
 *                        Baseline::plusLoop, Concatenations::withStringBuilder)
 *         .verifiedBy(Pieces::isConcatenation)      // a cheap trusted check where += is too slow an oracle
 *         .atLeast(10)
 *         .hint(Hints.forCheck("2a"))               // the lab's hints.properties, at the run's level
 *         .measure();
 * </pre>
 *
 * <p>How (measured in docs/measurements.md at no wrong verdict in 135 under load, where timing all of A then all of B was
 * wrong 21% of the time):</p>
 * <ol>
 *   <li>Inputs are generated outside the timed region, a fresh one for every call of every round (a cache keyed
 *       by input gains nothing), by a {@link KeyedRandom}: no input predicts the next, so none can be computed
 *       ahead in warm-up.</li>
 *   <li>Batches are calibrated so one batch takes a few milliseconds, many steps of the clock.</li>
 *   <li>Warm-up alternates the sides for at least 0.1 s of clock time, until the JIT has finished no compile for
 *       four rounds and 50 ms and the median of each side's last two per-call times is within 10% of the two
 *       before; after 0.3 s, until either holds (at most 1.5 s); and only once the JIT's compile queue is empty
 *       ({@link JitQueue}): rounds go on for up to 2 s more while it is not. A queue still busy then leaves the
 *       verdict INCONCLUSIVE, without points.</li>
 *   <li>Each round runs one batch of each side in random order; the round's speed-up is the ratio of their
 *       per-call times. The verdict uses the median of these paired ratios and its exact sign-test interval,
 *       decided by {@link Rule}, a pure function of the ratios and the {@link Spec}.</li>
 *   <li>The budget is counted in rounds and clock time, not wall time: a half-CPU grader collects the same
 *       evidence, later.</li>
 *   <li>The CPU time of all threads and of the process is read beside the thread's: a candidate whose work shows up
 *       on other threads is timed by the CPU time of all threads instead, and the verdict says so; so are bytes
 *       it allocates on other threads.</li>
 *   <li>Under the wall clock (threads are the lesson) the candidate is timed by wall time and the naive side, the
 *       tests' single-threaded code, by its own thread's CPU time: no pause beside it counts against it.</li>
 * </ol>
 *
 * <h2>Every answer checked</h2>
 * <p>Before each batch (warm-up included), the engine draws the positions whose results it keeps from a generator
 * of its own, seeded from {@link SecureRandom}: not the input generator, and out of reach of the code under test.
 * Up to {@link Spec#checkedPerRound()} results per side are kept, the rest are stored into one sink slot, so
 * neither side's heap grows with what is kept. After the round every kept candidate result is checked against a
 * trusted answer: the check's verifier ({@link #verifiedBy}) or oracle ({@link #oracle}) where it has one, else the
 * baseline's result for the same input (the baseline runs, untimed, for a kept input its batch did not reach). Any
 * call of a batch may be the one checked, so every candidate input has an answer it is checked against. A wrong
 * answer fails the check: "wrong answer on input ...: expected ..., got ...".</p>
 * <p>The guarantee, as arithmetic: a kept position is uniform over the batch and unknown to the candidate, so a
 * candidate wrong on a fraction q of its calls (chosen in any way: at random, every 50th call, after the first N
 * calls of a batch, after a pause) passes each check with probability at most 1 - q, and a verdict of N checks with
 * probability at most (1 - q)^N. The engine checks k = 144 calls per round (every call where a batch has fewer),
 * over at least 16 rounds (4 of warm-up, at least 12 measured): N &gt;= 2,304, so at q = 1% it escapes with
 * probability at most 0.99^2304 = 9e-11, below 10^-9. Where batches are shorter than k, every timed call is checked,
 * and N is every call the verdict made (the correctness checks, with thousands of calls, cover rare wrong answers
 * there). Without a verifier or oracle the untimed baseline calls are capped at a fifth of the baseline's
 * batch (at least 4) per round, so N is smaller where the naive side is slow: use the baseline as the oracle only
 * for speed-ups below about 5x. The verdict reports N ({@link Verdict#checkedAnswers()}).</p>
 *
 * <p>Inputs must be values: the answer to an input must not depend on the calls made before it, since the trusted
 * answer is computed for that input alone.</p>
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public final class SpeedUp<I, O> extends SpecBuilder<SpeedUp<I, O>> {

    /**
     * Warm-up rounds compared for stability: the last two against the two before. Each round's time already averages
     * a batch of calls, or one long call whose loops the JIT compiled on the stack within it.
     */
    private static final int SETTLE_WINDOW = 2;
    /** Where each side's readings start in a round's sample: clock, live threads' CPU, process CPU, own CPU. */
    private static final int BASELINE = 0;
    private static final int CANDIDATE = 4;
    private static final int OWN = 3;
    /** Warm-up's per-call times are settled when the last two rounds' median is within this of the two before. */
    private static final double SETTLED_WITHIN = 0.10;
    /** After this many times its least clock time, warm-up may end on one sign of warmth: the JIT quiet, or steady times. */
    private static final int UNSETTLED_FACTOR = 3;
    /** Wall time without a finished compile before warm-up may end (and at least four rounds). */
    private static final long JIT_QUIET_NANOS = 50_000_000L;
    /** After warm-up's end or its caps, how long rounds go on while the JIT's queue is not empty. */
    private static final long JIT_DRAIN_NANOS = 2_000_000_000L;
    /** Warm-up ends after this many times its clock-time cap in wall time, whatever the clock says. */
    private static final int WARMUP_WALL_LIMIT = 4;
    /** A default batch's warm-up cap: warm-up's wall-time cap is at least four times this, its least a tenth. */
    private static final long WARMUP_WALL_FLOOR = 1_000_000_000L;
    /** A batch spans at least this many steps of its clock. */
    private static final int FINE_STEPS = 50;
    /** The most a coarse thread clock may stretch the batch a check asks for before the wall clock times it. */
    private static final int COARSE_FACTOR = 4;
    /** Without a verifier, the untimed baseline calls per round: at most this share of its batch, at least 4. */
    private static final int UNTIMED_BASELINE_SHARE = 5;
    private static final int UNTIMED_BASELINE_MIN = 4;

    private final Function<RandomGenerator, ? extends I> inputs;
    private final Function<? super I, ? extends O> baseline;
    private final Function<? super I, ? extends O> candidate;
    private BiPredicate<? super O, ? super O> sameResult = Objects::equals;
    private Function<? super I, ? extends O> oracle;
    private BiPredicate<? super I, ? super O> verifier;
    /** The comparison class this check was built from, which a child JVM can rebuild for a profile; or null. */
    private Class<?> comparison;

    private SpeedUp(String name, Function<RandomGenerator, ? extends I> inputs, Function<? super I, ? extends O> baseline,
            Function<? super I, ? extends O> candidate) {
        super(name);
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * Starts a comparison.
     *
     * @param name      what is compared, shown to students
     * @param inputs    makes one fresh input from a seeded random source (called outside the timed region)
     * @param baseline  the naive side
     * @param candidate the side that should be faster
     */
    public static <I, O> SpeedUp<I, O> of(String name, Function<RandomGenerator, ? extends I> inputs,
            Function<? super I, ? extends O> baseline, Function<? super I, ? extends O> candidate) {
        return new SpeedUp<>(name, inputs, baseline, candidate);
    }

    @Override
    SpeedUp<I, O> self() {
        return this;
    }

    /** How a trusted answer and the candidate's are compared (default {@code equals}). */
    public SpeedUp<I, O> sameResult(BiPredicate<? super O, ? super O> comparison) {
        sameResult = Objects.requireNonNull(comparison);
        return this;
    }

    /**
     * A trusted answer for an input, cheaper than the baseline (compared with {@link #sameResult}): the answers
     * are checked against it instead of the baseline's.
     */
    public SpeedUp<I, O> oracle(Function<? super I, ? extends O> answer) {
        oracle = Objects.requireNonNull(answer);
        verifier = null;
        return this;
    }

    /**
     * A trusted check of an answer, where computing the answer is the slow part (a length and a hash, say): the
     * answers are checked by it instead of against the baseline's. The baseline's kept answers must pass it too.
     */
    public SpeedUp<I, O> verifiedBy(BiPredicate<? super I, ? super O> check) {
        verifier = Objects.requireNonNull(check);
        oracle = null;
        return this;
    }

    /** The {@link Comparison} this check comes from: a profile of the check, if it fails, runs that class. */
    SpeedUp<I, O> from(Class<?> comparisonClass) {
        comparison = comparisonClass;
        return this;
    }

    /** Measures and decides. Never throws for a slow or fast candidate; throws if an answer is wrong. */
    public Verdict measure() {
        long started = System.nanoTime();
        Spec spec = spec();
        spec.requireTarget();
        if (comparison != null && Modifier.isPublic(comparison.getModifiers())) {
            CheckContext.current().profileWith(comparison.getName(), List.of(), spec.seed());
        }
        Clock clock = spec.clock().available() ? spec.clock() : Clock.WALL;
        // a thread clock too coarse for a short batch (15.6 ms steps on some Windows machines) would make a
        // fresh-data check's batches, and its inputs, hundreds of times larger: such a check is timed by wall time
        boolean threadClockFine = Clock.THREAD_CPU.available() && FINE_STEPS * Clock.threadCpuGranularity()
                <= COARSE_FACTOR * spec.batchNanos();
        if (clock == Clock.THREAD_CPU && !threadClockFine && spec.batchNanos() < Spec.DEFAULT_BATCH_NANOS) {
            clock = Clock.WALL;
        }
        long step = clock == Clock.THREAD_CPU ? Clock.threadCpuGranularity() : 1_000;
        // keyed by the check's name apart from any correctness test's inputs, and unpredictable from the ones it saw
        Run run = new Run(spec, clock, KeyedRandom.of(spec.seed(), "timed " + spec.name()),
                Math.max(spec.batchNanos(), FINE_STEPS * step), threadClockFine);
        run.warmUp();
        int attempts = 1 + spec.retries();
        Attempt last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            last = run.attempt();
            if (last.decision.outcome() != Outcome.INCONCLUSIVE) {
                return verdict(spec, last, attempt, run, started);
            }
        }
        return verdict(spec, last, attempts, run, started);
    }

    private Verdict verdict(Spec spec, Attempt attempt, int attempts, Run run, long started) {
        Rule.Decision decision = attempt.decision;
        Phases phases = new Phases(System.nanoTime() - started, run.warmupWallNanos, run.timedWallNanos,
                run.inputsWallNanos, run.checkingWallNanos, 0);
        List<String> notes = new ArrayList<>(run.contamination.notes());
        if (run.compilesPending > 0) {
            // a side timed before its last compile is not the code it will be: neither a pass nor a fail, nor a band
            decision = new Rule.Decision(Outcome.INCONCLUSIVE, decision.rounds(), decision.interval(), 0);
            notes.add(String.format(Locale.ROOT, Verdict.JIT_BUSY + " (%d method(s) in or waiting for a"
                    + " compile) when warm-up ended after %.1f s, so a side may have been timed before its final"
                    + " compile; code that keeps the compiler busy cannot be timed", run.compilesPending,
                    run.warmupWallNanos / 1e9));
        }
        return new Verdict(spec, decision.outcome(), decision.interval(), decision.rounds(), attempts,
                decision.fraction(), attempt.clockName, attempt.baselinePerCall, attempt.candidatePerCall,
                notes, attempt.ratios, run.warmupRounds, run.warmupNanos, run.checkedAnswers, phases,
                run.contamination.busyCpus());
    }

    /** One attempt's decision and what it was measured with. */
    private static final class Attempt {
        Rule.Decision decision;
        double[] ratios;
        String clockName;
        double baselinePerCall;
        double candidatePerCall;
        boolean offloaded;
        /** Other threads' CPU time per unit of the baseline's own while it was timed, beyond the candidate's; 0 if none. */
        double interference;
    }

    /** The state of one measurement: batch sizes, inputs, clocks, the answers kept for checking. */
    private final class Run {
        private final Spec spec;
        private final Clock clock;
        private final KeyedRandom random;
        /** Draws the checked positions: seeded apart from the inputs, so nothing the candidate sees predicts it. */
        private final SplittableRandom checker = new SplittableRandom(new SecureRandom().nextLong());
        private final long batchTarget;
        private int baselineBatch = 1;
        private int candidateBatch = 1;
        private Object[] batchInputs = new Object[0];
        /** Per call of a batch, where its result goes: 0 is the shared sink, j + 1 the j-th kept result. */
        private int[] baselineSlots = new int[0];
        private int[] candidateSlots = new int[0];
        private final Object[] baselineKept;
        private final Object[] candidateKept;
        private final int[] baselinePositions;
        private final int[] candidatePositions;
        private int baselineKeptCount;
        private int candidateKeptCount;
        private long checkedAnswers;
        /** Whether the measuring thread's own CPU time can be read, to see what other threads ran beside it. */
        private final boolean ownCpu = Clock.THREAD_CPU.available();
        /** The thread that measures (this one), and its CPU as the last reading of all threads' found it. */
        private final long measuringThread = Thread.currentThread().getId();
        private final long[] mine = new long[1];
        /** Under the wall clock, whether the naive side is timed by its own thread's CPU (where that clock is fine). */
        private final boolean baselineByOwnCpu;
        /** What ran beside the timed batches; warm-up's readings are dropped with the instance it fed. */
        private Contamination contamination = new Contamination(false, false);

        private long warmupNanos;
        private int warmupRounds;
        /** Methods the JIT was compiling, or had queued, when warm-up ended: 0 unless 2 s of rounds did not empty it. */
        private int compilesPending;
        /** Wall time per phase, for {@link Phases}. */
        private long warmupWallNanos;
        private long timedWallNanos;
        private long inputsWallNanos;
        private long checkingWallNanos;

        Run(Spec spec, Clock clock, KeyedRandom random, long batchTarget, boolean threadClockFine) {
            this.spec = spec;
            this.baselineByOwnCpu = clock == Clock.WALL && threadClockFine;
            this.clock = clock;
            this.random = random;
            this.batchTarget = batchTarget;
            int kept = spec.checkedPerRound();
            baselineKept = new Object[kept + 1];
            candidateKept = new Object[kept + 1];
            baselinePositions = new int[kept];
            candidatePositions = new int[kept];
        }

        void warmUp() {
            long spent = 0;
            List<Double> baselineTimes = new ArrayList<>();
            List<Double> candidateTimes = new ArrayList<>();
            List<Long> jitReadings = new ArrayList<>();
            List<Long> wallReadings = new ArrayList<>();
            long wallStart = System.nanoTime();
            // in wall time, at least as long as a default batch's warm-up: a check of short batches warms up on
            // fewer nanoseconds of its clock, but the JIT compiles its calls in the same wall time as any other's
            long wallCap = WARMUP_WALL_LIMIT * Math.max(spec.warmupMaxNanos(), WARMUP_WALL_FLOOR);
            boolean queueRead = false;
            while (spent < spec.warmupMaxNanos() && System.nanoTime() - wallStart < wallCap) {
                long[] sample = round();
                spent += sample[BASELINE] + sample[CANDIDATE];
                baselineTimes.add((double) sample[BASELINE] / baselineBatch);
                candidateTimes.add((double) sample[CANDIDATE] / candidateBatch);
                jitReadings.add(Clock.jitMillis());
                wallReadings.add(System.nanoTime());
                baselineBatch = batchFor(work(sample, BASELINE) / baselineBatch);
                candidateBatch = batchFor(work(sample, CANDIDATE) / candidateBatch);
                warmupRounds++;
                // both signs of warmth, or after three times the least warm-up either one: a side whose per-call
                // time never settles (its results meeting the GC), or a young JVM whose JIT keeps promoting methods
                // it does not time, would otherwise hold warm-up to its cap
                boolean quiet = jitQuiet(jitReadings, wallReadings);
                boolean steady = settled(baselineTimes) && settled(candidateTimes);
                boolean longEnough = System.nanoTime() - wallStart >= WARMUP_WALL_FLOOR / 10;
                if (longEnough && (spent >= spec.warmupMinNanos() && quiet && steady
                        || spent >= UNSETTLED_FACTOR * spec.warmupMinNanos() && (quiet || steady))) {
                    // read only when warm-up could end: the reading itself is code the JIT compiles
                    compilesPending = JitQueue.pending();
                    queueRead = true;
                    if (compilesPending == 0) {
                        break;
                    }
                }
            }
            if (!queueRead || compilesPending > 0) {
                compilesPending = JitQueue.pending();
            }
            // then rounds go on while the JIT compiles, for at most JIT_DRAIN_NANOS of wall time of their own: a
            // first call that spent warm-up's whole wall time (printing a gigabyte) still leaves the JIT its time
            long drainStart = System.nanoTime();
            while (compilesPending > 0 && System.nanoTime() - drainStart < JIT_DRAIN_NANOS) {
                long[] sample = round();
                spent += sample[BASELINE] + sample[CANDIDATE];
                baselineBatch = batchFor(work(sample, BASELINE) / baselineBatch);
                candidateBatch = batchFor(work(sample, CANDIDATE) / candidateBatch);
                warmupRounds++;
                compilesPending = JitQueue.pending();
            }
            warmupNanos = spent;
            warmupWallNanos = System.nanoTime() - wallStart;
            // judged by the check's clock, not the one it is timed by: a thread-clock check whose batches are too
            // short for the thread clock is timed by wall time, and work on other threads is still not its speed-up
            contamination = new Contamination(spec.clock() == Clock.THREAD_CPU, ownCpu);
        }

        /**
         * Whether the JIT finished no compile over the last four rounds and at least {@link #JIT_QUIET_NANOS} of wall
         * time: code still being compiled (a side still interpreted, or waiting for C2) would change speed under
         * the measurement, which per-call times alone can miss on a plateau between tiers.
         */
        private boolean jitQuiet(List<Long> jit, List<Long> wall) {
            int n = jit.size();
            int from = n - 1 - 2 * SETTLE_WINDOW;
            if (from < 0) {
                return false;
            }
            while (from > 0 && wall.get(n - 1) - wall.get(from) < JIT_QUIET_NANOS) {
                from--;
            }
            return wall.get(n - 1) - wall.get(from) >= JIT_QUIET_NANOS && jit.get(n - 1).equals(jit.get(from));
        }

        /** Whether the median of the last two per-call times is within 10% of the median of the two before. */
        private boolean settled(List<Double> times) {
            int n = times.size();
            if (n < 2 * SETTLE_WINDOW) {
                return false;
            }
            double recent = median(times.subList(n - SETTLE_WINDOW, n).stream().mapToDouble(Double::doubleValue).toArray());
            double before = median(times.subList(n - 2 * SETTLE_WINDOW, n - SETTLE_WINDOW).stream()
                    .mapToDouble(Double::doubleValue).toArray());
            return Math.abs(recent / Math.max(1e-9, before) - 1) < SETTLED_WITHIN;
        }

        /**
         * A side's work in one batch, for sizing batches: its clock time, or the CPU time of all live threads if
         * that is larger under the thread clock. A side that hands its work to other threads barely moves its own
         * thread's clock; sized by that alone, its batches would grow to a million calls and run for minutes.
         */
        private double work(long[] sample, int side) {
            return clock == Clock.THREAD_CPU ? Math.max(sample[side], sample[side + 1]) : sample[side];
        }

        /**
         * The naive side's time in a round: its clock's, except under the wall clock, where it is its own thread's
         * CPU time. The baseline is the tests' single-threaded code, so its thread's CPU is all its work, and no pause
         * the submission causes beside it (a stop-the-world collection of garbage it made, a thread that takes the
         * baseline's CPU) can make it look slower: red team 9 had the GC stop the naive side of lab04's 4b.
         */
        private long baselineClock(long[] sample) {
            return baselineByOwnCpu ? sample[BASELINE + OWN] : sample[BASELINE];
        }

        private int batchFor(double nanosPerCall) {
            double calls = batchTarget / Math.max(1.0, nanosPerCall);
            return (int) Math.max(1, Math.min(1_000_000, Math.round(calls)));
        }

        Attempt attempt() {
            int maxRounds = spec.maxRounds();
            double[] threadRatios = new double[maxRounds];
            double[] baselineTimes = new double[maxRounds];
            double[] baselineOwnTimes = new double[maxRounds];
            double[] candidateTimes = new double[maxRounds];
            double[] baselineLiveTimes = new double[maxRounds];
            double[] candidateLiveTimes = new double[maxRounds];
            long spent = 0;
            Attempt attempt = new Attempt();
            for (int r = 0; r < maxRounds; r++) {
                long[] sample = round();
                spent += sample[BASELINE] + sample[CANDIDATE];
                baselineTimes[r] = (double) baselineClock(sample) / baselineBatch;
                baselineOwnTimes[r] = (double) sample[BASELINE + OWN] / baselineBatch;
                candidateTimes[r] = (double) sample[CANDIDATE] / candidateBatch;
                baselineLiveTimes[r] = (double) sample[BASELINE + 1] / baselineBatch;
                candidateLiveTimes[r] = (double) sample[CANDIDATE + 1] / candidateBatch;
                threadRatios[r] = baselineTimes[r] / Math.max(1e-9, candidateTimes[r]);
                int rounds = r + 1;
                if (!Rule.isLook(rounds, spec)) {
                    continue;
                }
                // the budget ends an attempt only at a look: a stop anywhere else would be a look not paid for
                boolean last = spent >= spec.budgetNanos() || rounds == maxRounds;
                attempt.offloaded = contamination.offloaded();
                attempt.interference = contamination.interference();
                double[] ratios = attempt.offloaded
                        ? contamination.allThreadRatios(baselineOwnTimes, candidateLiveTimes, rounds)
                        : Arrays.copyOf(threadRatios, rounds);
                attempt.ratios = ratios;
                attempt.clockName = attempt.offloaded ? "CPU time of all threads: work ran on other threads"
                        : clock == Clock.THREAD_CPU ? "thread CPU time"
                        : baselineByOwnCpu ? "wall time (the naive side by its thread's CPU time)" : "wall time";
                attempt.baselinePerCall = median(Arrays.copyOf(attempt.offloaded ? baselineOwnTimes : baselineTimes,
                        rounds));
                attempt.candidatePerCall = median(Arrays.copyOf(attempt.offloaded ? candidateLiveTimes : candidateTimes, rounds));
                if (attempt.interference > 0) {
                    // something else ran while the naive side was timed: its times, and the ratio, are not the
                    // naive code's own, so the candidate is not credited with them, not even a band
                    attempt.decision = new Rule.Decision(Outcome.FAIL, rounds,
                            SignTest.medianInterval(ratios, Rule.alphaAt(rounds, spec)), 0);
                    return attempt;
                }
                Rule.Decision decision = Rule.atLook(ratios, spec, last);
                if (decision != null) {
                    attempt.decision = decision;
                    return attempt;
                }
            }
            throw new IllegalStateException("unreachable: the last round always decides");
        }

        /**
         * One round: fresh inputs, the checked positions drawn, both sides in random order, then the kept answers
         * checked. Returns {baselineClock, baselineLiveThreads, baselineProcess, baselineOwn, candidateClock,
         * candidateLiveThreads, candidateProcess, candidateOwn} in nanoseconds.
         */
        long[] round() {
            int needed = Math.max(baselineBatch, candidateBatch);
            if (batchInputs.length < needed) {
                batchInputs = new Object[needed];
                baselineSlots = new int[needed];
                candidateSlots = new int[needed];
            }
            long inputsStart = System.nanoTime();
            // newest first: the first calls timed read the inputs made last, still in the core's cache
            for (int i = needed - 1; i >= 0; i--) {
                batchInputs[i] = inputs.apply(random);
            }
            long checkingStart = System.nanoTime();
            choosePositions();
            long timedStart = System.nanoTime();
            long[] sample = new long[8];
            if (checker.nextBoolean()) {
                time(baseline, baselineBatch, baselineSlots, baselineKept, sample, BASELINE);
                time(candidate, candidateBatch, candidateSlots, candidateKept, sample, CANDIDATE);
            } else {
                time(candidate, candidateBatch, candidateSlots, candidateKept, sample, CANDIDATE);
                time(baseline, baselineBatch, baselineSlots, baselineKept, sample, BASELINE);
            }
            long timedEnd = System.nanoTime();
            checkAnswers();
            clearKept();
            inputsWallNanos += checkingStart - inputsStart;
            timedWallNanos += timedEnd - timedStart;
            checkingWallNanos += timedStart - checkingStart + System.nanoTime() - timedEnd;
            return sample;
        }

        /**
         * Draws the candidate's checked positions, uniform over its whole batch and distinct, then the baseline's:
         * the candidate's that its batch reached (their answers are the trusted ones, where no verifier is given),
         * topped up at random to the same count where the batch allows.
         */
        private void choosePositions() {
            boolean trusted = verifier != null || oracle != null;
            int want = Math.min(spec.checkedPerRound(), candidateBatch);
            // without a verifier, a position past the baseline's batch costs an untimed baseline call
            int untimedCap = trusted ? Integer.MAX_VALUE
                    : Math.max(UNTIMED_BASELINE_MIN, baselineBatch / UNTIMED_BASELINE_SHARE);
            int untimed = 0;
            candidateKeptCount = 0;
            if (want == candidateBatch && candidateBatch - Math.min(baselineBatch, candidateBatch) <= untimedCap) {
                for (int p = 0; p < candidateBatch; p++) {
                    keepCandidate(p);
                }
            } else {
                // rejection sampling: a few draws more than kept positions even at want close to the batch
                for (int draws = 0; candidateKeptCount < want && draws < 8 * want + 64; draws++) {
                    int p = checker.nextInt(candidateBatch);
                    if (candidateSlots[p] != 0) {
                        continue;
                    }
                    if (p >= baselineBatch) {
                        if (untimed >= untimedCap) {
                            continue;
                        }
                        untimed++;
                    }
                    keepCandidate(p);
                }
            }
            baselineKeptCount = 0;
            if (!trusted) {
                for (int j = 0; j < candidateKeptCount; j++) {
                    if (candidatePositions[j] < baselineBatch) {
                        keepBaseline(candidatePositions[j]);
                    }
                }
            }
            int baselineWant = Math.min(candidateKeptCount, baselineBatch);
            if (baselineWant == baselineBatch) {
                for (int p = 0; p < baselineBatch; p++) {
                    if (baselineSlots[p] == 0) {
                        keepBaseline(p);
                    }
                }
            }
            for (int draws = 0; baselineKeptCount < baselineWant && draws < 8 * baselineWant + 64; draws++) {
                int p = checker.nextInt(baselineBatch);
                if (baselineSlots[p] == 0) {
                    keepBaseline(p);
                }
            }
        }

        private void keepCandidate(int position) {
            candidatePositions[candidateKeptCount] = position;
            candidateSlots[position] = ++candidateKeptCount;
        }

        private void keepBaseline(int position) {
            baselinePositions[baselineKeptCount] = position;
            baselineSlots[position] = ++baselineKeptCount;
        }

        @SuppressWarnings("unchecked")
        private void checkAnswers() {
            for (int j = 0; j < baselineKeptCount && (verifier != null || oracle != null); j++) {
                I input = (I) batchInputs[baselinePositions[j]];
                O answer = (O) baselineKept[j + 1];
                O expected = oracle != null ? oracle.apply(input) : null;
                if (oracle != null ? !sameResult.test(expected, answer) : !verifier.test(input, answer)) {
                    throw new IllegalStateException(spec.name() + ": the check's own baseline and its "
                            + (oracle != null ? "oracle" : "verifier") + " disagree on input " + abbreviate(input)
                            + (oracle != null ? ": oracle " + abbreviate(expected) : "") + ", baseline "
                            + abbreviate(answer) + ". The check is wrong, not the submission.");
                }
            }
            for (int j = 0; j < candidateKeptCount; j++) {
                int position = candidatePositions[j];
                I input = (I) batchInputs[position];
                O answer = (O) candidateKept[j + 1];
                if (verifier != null) {
                    if (!verifier.test(input, answer)) {
                        throw wrongAnswer(input, "an answer the check's verifier accepts", answer);
                    }
                } else {
                    O expected = oracle != null ? oracle.apply(input)
                            : baselineSlots[position] != 0 ? (O) baselineKept[baselineSlots[position]]
                            : baseline.apply(input);
                    if (!sameResult.test(expected, answer)) {
                        throw wrongAnswer(input, abbreviate(expected), answer);
                    }
                }
            }
            checkedAnswers += candidateKeptCount;
        }

        private AssertionFailedError wrongAnswer(Object input, String expected, Object actual) {
            return new AssertionFailedError(String.format(Locale.ROOT, "%s: wrong answer on input %s: expected %s,"
                    + " got %s. A time means nothing for a wrong answer: fix correctness first.", spec.name(),
                    abbreviate(input), expected, abbreviate(actual)));
        }

        /** Empties the kept results and their slots, so the next batch starts with every call in the sink. */
        private void clearKept() {
            for (int j = 0; j < candidateKeptCount; j++) {
                candidateSlots[candidatePositions[j]] = 0;
            }
            for (int j = 0; j < baselineKeptCount; j++) {
                baselineSlots[baselinePositions[j]] = 0;
            }
            Arrays.fill(candidateKept, null);
            Arrays.fill(baselineKept, null);
            Arrays.fill(batchInputs, null);
        }

        @SuppressWarnings("unchecked")
        private void time(Function<? super I, ? extends O> side, int batch, int[] slots, Object[] results,
                long[] sample, int at) {
            Object[] in = batchInputs;
            long allThreadsBytes = Clock.allThreadsAllocatedBytes();
            long threadBytes = Clock.threadAllocatedBytes();
            long started = Clock.threadsStarted();
            long alive = Clock.liveThreads();
            long process = Clock.processCpu();
            long live = Clock.liveThreadsCpu(measuringThread, mine);
            long othersBefore = live - mine[0];
            // the measuring thread's own CPU, whatever the clock (under the thread clock it is the clock itself)
            boolean ownApart = ownCpu && clock != Clock.THREAD_CPU;
            long own = ownApart ? Clock.THREAD_CPU.now() : 0;
            long wall = System.nanoTime();
            long start = clock.now();
            for (int i = 0; i < batch; i++) {
                // Every result is stored, so none can be optimized away: a kept one in its own slot, the rest in
                // the sink (slot 0), so a batch of thousands holds no more than the kept results.
                results[slots[i]] = side.apply((I) in[i]);
            }
            long end = clock.now();
            wall = System.nanoTime() - wall;
            sample[at] = Math.max(1, end - start);
            long liveAfter = Clock.liveThreadsCpu(measuringThread, mine);
            sample[at + 1] = Math.max(1, liveAfter - live);
            // a thread that ended within the batch took its CPU time out of the sum: never below none
            long others = Math.max(0, liveAfter - mine[0] - othersBefore);
            sample[at + 2] = Clock.processCpu() - process;
            long ownNanos = ownApart ? Math.max(1, Clock.THREAD_CPU.now() - own) : sample[at];
            sample[at + OWN] = ownNanos;
            long newThreads = Clock.threadsStarted() - started;
            // a thread that ended within the batch took its CPU time out of the live threads' sum
            long endedThreads = Math.max(0, newThreads - (Clock.liveThreads() - alive));
            long elsewhere = Clock.allThreadsAllocatedBytes() - allThreadsBytes - (Clock.threadAllocatedBytes() - threadBytes);
            Contamination.Side readings = at == BASELINE ? contamination.baseline : contamination.candidate;
            readings.add(ownNanos, sample[at + 1], others, sample[at + 2], wall, elsewhere, batch, newThreads,
                    endedThreads);
        }
    }

    private static String abbreviate(Object value) {
        // arrays by their elements, not their identity: a student reads the input that failed
        String text = value != null && value.getClass().isArray()
                ? Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "") : String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
