package org.vmaware.grader.timing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vmaware.grader.CheckContext;
import org.vmaware.grader.ScoredFailure;
import org.vmaware.grader.InconclusiveException;
import org.vmaware.grader.Machine;
import org.vmaware.grader.Outcome;

/**
 * The decision of the timing engine on one comparison, with everything a student needs to read it: the measured
 * speed-up, its confidence interval, the rounds, the target, the machine, and a hint.
 */
public final class Verdict {

    /** How the note of a verdict left undecided because the JIT never went quiet in warm-up begins. */
    static final String JIT_BUSY = "the JIT was still compiling";

    private final Spec spec;
    private final Outcome outcome;
    private final double median;
    private final double low;
    private final double high;
    private final int rounds;
    private final int attempts;
    private final double fraction;
    private final String clock;
    private final double baselineNanosPerCall;
    private final double candidateNanosPerCall;
    private final List<String> notes;
    private final double[] ratios;
    private final int warmupRounds;
    private final long warmupNanos;
    private final long checkedAnswers;
    private final String machine;
    private final List<String> distortions;
    private final Phases phases;
    private final BusyCpus busyCpus;

    Verdict(Spec spec, Outcome outcome, double[] interval, int rounds, int attempts, double fraction, String clock,
            double baselineNanosPerCall, double candidateNanosPerCall, List<String> notes, double[] ratios,
            int warmupRounds, long warmupNanos, long checkedAnswers, Phases phases, BusyCpus busyCpus) {
        this(spec, outcome, interval, rounds, attempts, fraction, clock, baselineNanosPerCall, candidateNanosPerCall,
                notes, ratios, warmupRounds, warmupNanos, checkedAnswers, Machine.current().describe(),
                Machine.current().distortions(), phases, busyCpus);
    }

    private Verdict(Spec spec, Outcome outcome, double[] interval, int rounds, int attempts, double fraction,
            String clock, double baselineNanosPerCall, double candidateNanosPerCall, List<String> notes,
            double[] ratios, int warmupRounds, long warmupNanos, long checkedAnswers, String machine,
            List<String> distortions, Phases phases, BusyCpus busyCpus) {
        this.spec = spec;
        this.outcome = outcome;
        this.low = interval[0];
        this.median = interval[1];
        this.high = interval[2];
        this.rounds = rounds;
        this.attempts = attempts;
        this.fraction = fraction;
        this.clock = clock;
        this.baselineNanosPerCall = baselineNanosPerCall;
        this.candidateNanosPerCall = candidateNanosPerCall;
        this.notes = List.copyOf(notes);
        this.ratios = ratios.clone();
        this.warmupRounds = warmupRounds;
        this.warmupNanos = warmupNanos;
        this.checkedAnswers = checkedAnswers;
        this.machine = machine;
        this.distortions = List.copyOf(distortions);
        this.phases = phases;
        this.busyCpus = busyCpus;
    }

    /**
     * This verdict's one serialised form, for a parent JVM, a report or the proof to rebuild it
     * ({@link #fromJson}): the whole {@link Spec} included; an unbounded interval end is written as the largest
     * finite double, since JSON has no infinities.
     */
    public String toJson() {
        return JsonValues.write(toMap());
    }

    /** The serialised form as a map, the one the reports and the proof read back (under {@code "verdict"}). */
    private Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("spec", spec.toMap());
        map.put("outcome", outcome.name());
        map.put("low", finite(low));
        map.put("median", median);
        map.put("high", finite(high));
        map.put("rounds", rounds);
        map.put("attempts", attempts);
        map.put("fraction", fraction);
        map.put("clock", clock);
        map.put("baseline_ns_per_call", baselineNanosPerCall);
        map.put("candidate_ns_per_call", candidateNanosPerCall);
        map.put("notes", notes);
        map.put("ratios", ratios);
        map.put("warmup_rounds", warmupRounds);
        map.put("warmup_ns", warmupNanos);
        map.put("checked_answers", checkedAnswers);
        map.put("machine", machine);
        map.put("distortions", distortions);
        map.put("phases", phases.toMap());
        map.put("busy_cpus", busyCpus.toMap());
        return map;
    }

    /** A verdict from {@link #toJson()}, measured maybe in another JVM: the machine line is that JVM's. */
    @SuppressWarnings("unchecked")
    public static Verdict fromJson(String json) {
        Map<String, Object> map = JsonValues.read(json);
        Spec spec = Spec.fromMap(map.get("spec"));
        double[] ratioArray = ((List<Number>) map.get("ratios")).stream().mapToDouble(Number::doubleValue).toArray();
        return new Verdict(spec, Outcome.valueOf((String) map.get("outcome")),
                new double[] {number(map, "low"), number(map, "median"), number(map, "high")},
                (int) number(map, "rounds"), (int) number(map, "attempts"), number(map, "fraction"),
                (String) map.get("clock"), number(map, "baseline_ns_per_call"), number(map, "candidate_ns_per_call"),
                (List<String>) map.get("notes"), ratioArray, (int) number(map, "warmup_rounds"),
                (long) number(map, "warmup_ns"), (long) number(map, "checked_answers"), (String) map.get("machine"),
                (List<String>) map.get("distortions"), Phases.fromMap((Map<String, Object>) map.get("phases")),
                BusyCpus.fromMap((Map<String, Object>) map.get("busy_cpus")));
    }

    /** This verdict, measured in a child JVM, with its phases as the parent saw them (the fork's start added). */
    Verdict seenFromParent(long parentNanos) {
        return new Verdict(spec, outcome, new double[] {low, median, high}, rounds, attempts, fraction, clock,
                baselineNanosPerCall, candidateNanosPerCall, notes, ratios, warmupRounds, warmupNanos, checkedAnswers,
                machine, distortions, phases.seenFromParent(parentNanos), busyCpus);
    }

    /** How many CPUs each side kept busy while it was timed. */
    public BusyCpus busyCpus() {
        return busyCpus;
    }

    /** Where this verdict's wall time went. */
    public Phases phases() {
        return phases;
    }

    /** JSON has no infinities: an unbounded interval end is written as the largest finite double. */
    private static double finite(double value) {
        return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("a verdict without a number for " + key);
        }
        return ((Number) value).doubleValue();
    }

    /** The whole specification the verdict was measured under. */
    public Spec spec() {
        return spec;
    }

    /** The candidate's answers checked against a trusted answer over the whole verdict, warm-up included. */
    public long checkedAnswers() {
        return checkedAnswers;
    }

    public String name() {
        return spec.name();
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The median of the paired per-round speed-ups (baseline time / candidate time). */
    public double median() {
        return median;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public double target() {
        return spec.target();
    }

    public int rounds() {
        return rounds;
    }

    public int attempts() {
        return attempts;
    }

    /** The share of the points earned: 1 for PASS, a band's fraction for PARTIAL (or INCONCLUSIVE), else 0. */
    public double fraction() {
        return fraction;
    }

    public List<String> notes() {
        return notes;
    }

    /** The baseline's median time per call, in nanoseconds of the verdict's clock. */
    public double baselineNanosPerCall() {
        return baselineNanosPerCall;
    }

    /** The candidate's median time per call, in nanoseconds of the verdict's clock. */
    public double candidateNanosPerCall() {
        return candidateNanosPerCall;
    }

    /** Every per-round speed-up of the deciding attempt. */
    public double[] ratios() {
        return ratios.clone();
    }

    /** The verdict for a student: what was measured, against what, on which machine, and what to try. */
    public String message() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %s. Needs >= %s faster than the baseline; measured %s"
                + " (median of %d paired rounds, interval %s to %s at error budget %s%s).", spec.name(), outcome,
                times(spec.target()), times(median), rounds, times(low), times(high), percent(spec.errorBudget()),
                attempts > 1 ? ", after a retry" : ""));
        text.append(String.format(Locale.ROOT, "%n  per call: baseline %s, yours %s (%s).",
                duration(baselineNanosPerCall), duration(candidateNanosPerCall), clock));
        if (outcome == Outcome.PARTIAL) {
            text.append(String.format(Locale.ROOT, "%n  partial credit: %.0f%% of the points for the speed-up proven.",
                    fraction * 100));
        }
        if (outcome == Outcome.INCONCLUSIVE) {
            text.append(notes.stream().anyMatch(note -> note.startsWith(JIT_BUSY))
                    ? String.format(Locale.ROOT, "%n  INCONCLUSIVE: not decided on this machine (see the note below);"
                            + " it is reported, not scored as a pass or a fail.")
                    : String.format(Locale.ROOT, "%n  INCONCLUSIVE: the speed-up is too close to the target to"
                            + " decide on this machine; it is reported, not scored as a pass or a fail. Run it again on"
                            + " a quieter machine, or widen the gap."));
        }
        for (String note : notes) {
            text.append("\n  note: ").append(note);
        }
        text.append("\n  machine: ").append(machine);
        for (String distortion : distortions) {
            text.append("\n  warning: ").append(distortion);
        }
        text.append(String.format(Locale.ROOT, "%n  answers: %,d of yours checked against a trusted answer, none wrong.",
                checkedAnswers));
        if (outcome != Outcome.PASS && !spec.hint().isEmpty()) {
            text.append("\n  hint: ").append(spec.hint());
        }
        return text.toString();
    }

    /**
     * Records this verdict in the running graded check and fails the test unless it passed: an assertion failure
     * for FAIL and PARTIAL (with the partial points kept), an abort for INCONCLUSIVE.
     */
    public Verdict require() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("verdict", toMap());
        CheckContext.current().record(times(median), ">= " + times(spec.target()), fraction, data);
        switch (outcome) {
            case PASS:
                return this;
            case INCONCLUSIVE:
                throw new InconclusiveException(message(), fraction);
            default:
                throw new ScoredFailure(message(), fraction);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s %s [%s, %s] vs %s in %d rounds", spec.name(), outcome,
                times(median), times(low), times(high), times(spec.target()), rounds);
    }

    static String times(double ratio) {
        if (Double.isInfinite(ratio)) {
            return ratio > 0 ? "+inf" : "-inf";
        }
        return ratio >= 100 ? String.format(Locale.ROOT, "%.0fx", ratio) : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String percent(double alpha) {
        return String.format(Locale.ROOT, "%s%%", alpha * 100);
    }

    static String duration(double nanos) {
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return nanos >= 1e3 ? String.format(Locale.ROOT, "%.1f us", nanos / 1e3)
                : String.format(Locale.ROOT, "%.0f ns", nanos);
    }
}
