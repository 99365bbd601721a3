package org.vmaware.grader.timing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many CPUs each side kept busy while it was timed (the process's CPU time over its timed batches, divided by
 * their wall time), and how much CPU time a call took on each side, all threads together. One thread at work keeps
 * about 1 busy (plus the JIT's and the GC's share); two at once about 2. It says whether a speed-up came from running
 * on more CPUs at once, which no ratio of times can, and whether those CPUs did the same work as the one-thread
 * side or more: lab04's 4b credits "two threads beat one" only where both hold (red team 17 won it with one
 * vectorized thread; red team 18 with a faster thread and a second that only spun).
 *
 * <pre>
 * baseline 1.01 CPUs, candidate 1.96; CPU per call 1.01 times the baseline's    two threads split the work
 * baseline 1.01 CPUs, candidate 1.03                                            faster, but one CPU at a time
 * baseline 1.01 CPUs, candidate 1.97; CPU per call 1.52 times the baseline's    one thread's work, and a spinner
 * </pre>
 *
 * <p>The process clock ticks in 10 ms on Linux, so these are exact only over many batches (a verdict's hundreds of
 * milliseconds); the engine decides nothing from them.</p>
 *
 * @param baseline                the CPUs the naive side kept busy
 * @param candidate               the CPUs the candidate kept busy
 * @param baselineCpuNanosPerCall the process's CPU time per call of the naive side
 * @param candidateCpuNanosPerCall the process's CPU time per call of the candidate
 */
public record BusyCpus(double baseline, double candidate, double baselineCpuNanosPerCall,
        double candidateCpuNanosPerCall) {

    /** The candidate's CPUs beyond the baseline's. */
    public double extra() {
        return candidate - baseline;
    }

    /** The candidate's CPU time per call, all threads, per unit of the baseline's: about 1 for the same work split. */
    public double cpuRatio() {
        return candidateCpuNanosPerCall / Math.max(1, baselineCpuNanosPerCall);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseline", baseline);
        map.put("candidate", candidate);
        map.put("baseline_cpu_ns_per_call", baselineCpuNanosPerCall);
        map.put("candidate_cpu_ns_per_call", candidateCpuNanosPerCall);
        return map;
    }

    static BusyCpus fromMap(Map<String, Object> map) {
        return new BusyCpus(number(map, "baseline"), number(map, "candidate"), number(map, "baseline_cpu_ns_per_call"),
                number(map, "candidate_cpu_ns_per_call"));
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("a verdict's busy CPUs without " + key);
        }
        return ((Number) value).doubleValue();
    }
}
