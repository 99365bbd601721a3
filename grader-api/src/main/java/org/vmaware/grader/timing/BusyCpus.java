package org.vmaware.grader.timing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many CPUs each side kept busy while it was timed: the process's CPU time over its timed batches, divided by
 * their wall time. One thread at work reads about 1 (plus the JIT's and the GC's share); two at once about 2. It
 * says whether a speed-up came from running at once on more CPUs, which no ratio of times can: lab04's 4b credits
 * "two threads beat one" only where the candidate kept more CPUs busy than the one-thread side (red team 17 won
 * it with one vectorized thread).
 *
 * <pre>
 * one-thread baseline 1.02, candidate 1.96    extra() = 0.94: the work ran on two CPUs at once
 * one-thread baseline 1.01, candidate 1.03    extra() = 0.02: faster, but one CPU at a time
 * </pre>
 *
 * <p>The process clock ticks in 10 ms on Linux, so this is exact only over many batches (a verdict's hundreds of
 * milliseconds); it decides nothing in the engine.</p>
 *
 * @param baseline  the CPUs the naive side kept busy
 * @param candidate the CPUs the candidate kept busy
 */
public record BusyCpus(double baseline, double candidate) {


    /** The candidate's CPUs beyond the baseline's. */
    public double extra() {
        return candidate - baseline;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseline", baseline);
        map.put("candidate", candidate);
        return map;
    }

    static BusyCpus fromMap(Map<String, Object> map) {
        return new BusyCpus(number(map, "baseline"), number(map, "candidate"));
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("a verdict's busy CPUs without " + key);
        }
        return ((Number) value).doubleValue();
    }
}
