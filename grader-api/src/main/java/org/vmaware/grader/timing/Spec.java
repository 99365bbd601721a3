package org.vmaware.grader.timing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole specification of one timing check, as one immutable value: what it needs (target and bands), how it
 * measures (clock, rounds, batches, warm-up, answers checked) and what it may spend (error budget, retries). It is
 * serialised whole and rebuilt whole, so a check run in a child JVM is the check its parent specified, with no
 * default applied twice.
 *
 * <pre>
 * Spec.defaults("x", 7).withTarget(4)           target 4, bands 4 (1.0), 2 (0.5), 1.41 (0.25)
 * Spec.defaults("x", 7).withTarget(1.3)         target 1.3, band 1.3 (1.0) only: its roots fall below 1.2x
 * spec.withClock(Clock.WALL).withSeed(11)       everything else unchanged
 * Spec.fromJson(spec.toJson()).equals(spec)     true
 * </pre>
 *
 * @param name            what is compared, shown to students
 * @param target          the speed-up needed for full points, NaN until set
 * @param bands           the target's band (fraction 1) first, then the partial-credit bands below it
 * @param hint            what to try when the check fails
 * @param clock           the clock the rounds are timed by
 * @param errorBudget     the probability of a wrong verdict the check may spend, over all its looks and retries
 * @param maxRounds       the rounds one attempt may take (at least 20: two looks)
 * @param retries         attempts after the first, when the first is inconclusive
 * @param batchNanos      the clock time one batch of calls aims at
 * @param warmupMinNanos  the least clock time warm-up takes
 * @param warmupMaxNanos  the most clock time warm-up takes
 * @param budgetNanos     the clock time after which an attempt stops at its next look
 * @param checkedPerRound the calls per side and round whose answers are kept and checked
 * @param seed            the seed of the inputs
 */
public record Spec(String name, double target, List<Band> bands, String hint, Clock clock, double errorBudget,
        int maxRounds, int retries, long batchNanos, long warmupMinNanos, long warmupMaxNanos, long budgetNanos,
        int checkedPerRound, long seed) {

    /** Rounds before the first look: the sign test gives no interval at 0.1% with fewer (2^-12 = 2.4e-4). */
    public static final int FIRST_LOOK = 12;
    /** The fewest rounds an attempt may be given: a first look and a second ({@link Rule}). */
    public static final int MIN_MAX_ROUNDS = 20;
    /**
     * Answers checked per side and round by default: 144 x at least 16 rounds (4 of warm-up, 12 measured) is at
     * least 2,304 checked calls per verdict where a batch has 144 calls or more, so a candidate wrong on 1% of its
     * calls escapes with probability at most 0.99^2304 = 9e-11; where a batch is shorter, every call is checked.
     */
    public static final int CHECKED_PER_ROUND = 144;

    /** Every field must be present and known: a spec is rebuilt as written, never completed with defaults. */
    private static final Set<String> FIELDS = Set.of("name", "target", "bands", "hint", "clock", "errorBudget",
            "maxRounds", "retries", "batchNanos", "warmupMinNanos", "warmupMaxNanos", "budgetNanos", "checkedPerRound",
            "seed");

    public Spec {
        Objects.requireNonNull(name, "name");
        bands = List.copyOf(bands);
        hint = Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(clock, "clock");
        if (!(errorBudget > 0 && errorBudget < 0.5)) {
            throw new IllegalArgumentException("error budget must be in (0, 0.5), got " + errorBudget);
        }
        if (maxRounds < MIN_MAX_ROUNDS) {
            throw new IllegalArgumentException("at least " + MIN_MAX_ROUNDS + " rounds, got " + maxRounds);
        }
        if (retries < 0 || checkedPerRound < 1 || batchNanos < 1 || warmupMinNanos < 0
                || warmupMaxNanos < warmupMinNanos || budgetNanos < 1) {
            throw new IllegalArgumentException("a spec's counts and times must be positive: " + name);
        }
    }

    /** The clock time one batch aims at unless a check asks for shorter ones ({@link SpecBuilder#batchMicros}). */
    public static final long DEFAULT_BATCH_NANOS = 2_500_000L;

    /** The defaults: no target yet, thread CPU time, 0.1% error budget, 80 rounds, one retry. */
    public static Spec defaults(String name, long seed) {
        return new Spec(name, Double.NaN, List.of(), "", Clock.THREAD_CPU, 0.001, 80, 1, DEFAULT_BATCH_NANOS,
                100_000_000L, 1_500_000_000L, 4_000_000_000L, CHECKED_PER_ROUND, seed);
    }

    /**
     * This spec with a target and the default bands below it: half the points at its square root, a quarter at
     * its fourth root, each only where at least 1.2x ({@link Band#NAIVE_REACH}).
     */
    public Spec withTarget(double speedUp) {
        if (!(speedUp >= Band.NAIVE_REACH)) {
            throw new IllegalArgumentException("a target must be " + Band.NAIVE_REACH + "x or more, got " + speedUp);
        }
        List<Band> defaults = new ArrayList<>();
        defaults.add(new Band(speedUp, 1.0));
        if (Math.sqrt(speedUp) >= Band.NAIVE_REACH) {
            defaults.add(new Band(Math.sqrt(speedUp), 0.5));
        }
        if (Math.sqrt(Math.sqrt(speedUp)) >= Band.NAIVE_REACH) {
            defaults.add(new Band(Math.sqrt(Math.sqrt(speedUp)), 0.25));
        }
        return new Spec(name, speedUp, defaults, hint, clock, errorBudget, maxRounds, retries, batchNanos,
                warmupMinNanos, warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    /** This spec with other partial-credit bands below its target (each at least 1.2x). */
    public Spec withPartialCredit(List<Band> lower) {
        requireTarget();
        List<Band> all = new ArrayList<>();
        all.add(new Band(target, 1.0));
        for (Band band : lower) {
            if (band.atLeast() >= target) {
                throw new IllegalArgumentException("a partial band must lie below the target " + target);
            }
            all.add(band);
        }
        return new Spec(name, target, all, hint, clock, errorBudget, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    public Spec withHint(String text) {
        return new Spec(name, target, bands, text, clock, errorBudget, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    public Spec withClock(Clock which) {
        return new Spec(name, target, bands, hint, which, errorBudget, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    public Spec withErrorBudget(double alpha) {
        return new Spec(name, target, bands, hint, clock, alpha, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    public Spec withMaxRounds(int rounds) {
        return new Spec(name, target, bands, hint, clock, errorBudget, rounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, seed);
    }

    public Spec withCheckedPerRound(int calls) {
        return new Spec(name, target, bands, hint, clock, errorBudget, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, calls, seed);
    }

    /**
     * Batches of {@code nanos} of clock time, with the least warm-up and the budget scaled alike: the same number of
     * rounds in proportion. For checks whose every call needs fresh data: a round's inputs grow with its batches.
     * Warm-up's cap stays: the JIT compiles the calls of short batches no sooner than any others.
     */
    public Spec withBatch(long nanos) {
        double scale = (double) nanos / batchNanos;
        return new Spec(name, target, bands, hint, clock, errorBudget, maxRounds, retries, nanos,
                Math.round(warmupMinNanos * scale), warmupMaxNanos, Math.round(budgetNanos * scale),
                checkedPerRound, seed);
    }

    public Spec withSeed(long value) {
        return new Spec(name, target, bands, hint, clock, errorBudget, maxRounds, retries, batchNanos, warmupMinNanos,
                warmupMaxNanos, budgetNanos, checkedPerRound, value);
    }

    /** Whether a target has been set. */
    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    void requireTarget() {
        if (!hasTarget()) {
            throw new IllegalStateException("call atLeast(target) first");
        }
    }

    /** This spec as JSON, every field written. */
    public String toJson() {
        return JsonValues.write(toMap());
    }

    /** A spec from {@link #toJson()}: every field read, none defaulted. */
    public static Spec fromJson(String json) {
        return fromMap(JsonValues.read(json));
    }

    /** This spec as plain values, every field written (a target not yet set as null: JSON has no NaN). */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("target", hasTarget() ? target : null);
        List<Map<String, Object>> bandList = new ArrayList<>();
        for (Band band : bands) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("atLeast", band.atLeast());
            one.put("fraction", band.fraction());
            bandList.add(one);
        }
        map.put("bands", bandList);
        map.put("hint", hint);
        map.put("clock", clock.name());
        map.put("errorBudget", errorBudget);
        map.put("maxRounds", maxRounds);
        map.put("retries", retries);
        map.put("batchNanos", batchNanos);
        map.put("warmupMinNanos", warmupMinNanos);
        map.put("warmupMaxNanos", warmupMaxNanos);
        map.put("budgetNanos", budgetNanos);
        map.put("checkedPerRound", checkedPerRound);
        map.put("seed", seed);
        return map;
    }

    /** A spec from {@link #toMap()}'s values: every field present and known, or an unreadable specification. */
    @SuppressWarnings("unchecked")
    static Spec fromMap(Object value) {
        try {
            if (!(value instanceof Map) || !((Map<String, Object>) value).keySet().equals(FIELDS)) {
                throw new IOException("a spec needs exactly the fields " + FIELDS + ", got "
                        + (value instanceof Map ? ((Map<?, ?>) value).keySet() : value));
            }
            Map<String, Object> map = (Map<String, Object>) value;
            List<Band> bandList = new ArrayList<>();
            for (Object band : (List<Object>) map.get("bands")) {
                Map<String, Object> one = (Map<String, Object>) band;
                bandList.add(new Band(number(one.get("atLeast")), number(one.get("fraction"))));
            }
            return new Spec((String) Objects.requireNonNull(map.get("name")),
                    map.get("target") == null ? Double.NaN : number(map.get("target")), bandList,
                    (String) Objects.requireNonNull(map.get("hint")), Clock.valueOf((String) map.get("clock")),
                    number(map.get("errorBudget")), (int) whole(map.get("maxRounds")), (int) whole(map.get("retries")),
                    whole(map.get("batchNanos")), whole(map.get("warmupMinNanos")), whole(map.get("warmupMaxNanos")),
                    whole(map.get("budgetNanos")), (int) whole(map.get("checkedPerRound")), whole(map.get("seed")));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("unreadable check specification: " + e.getMessage(), e));
        }
    }

    private static double number(Object value) {
        return ((Number) Objects.requireNonNull(value, "a number")).doubleValue();
    }

    private static long whole(Object value) {
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException("a whole number, got " + value);
        }
        return (Long) value;
    }
}
