package org.vmaware.grader.timing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one verdict's wall time went, for the time table in the README ({@code scripts/verdict-times.sh}): not
 * used to decide anything.
 *
 * <pre>
 * total = warm-up + measured rounds (+ fork start, for a verdict measured in a child JVM)
 * each round = inputs built + both sides timed + answers checked
 * </pre>
 *
 * @param totalNanos    the whole verdict, in the JVM that asked for it
 * @param warmupNanos   warm-up, its rounds' inputs and checks included
 * @param timedNanos    the timed batches of both sides, warm-up included
 * @param inputsNanos   building fresh inputs, warm-up included
 * @param checkingNanos drawing the checked positions and checking the kept answers, warm-up included
 * @param forkNanos     starting and ending a child JVM, 0 for a verdict measured in the JVM that asked
 */
public record Phases(long totalNanos, long warmupNanos, long timedNanos, long inputsNanos, long checkingNanos,
        long forkNanos) {

    /** No time recorded: a verdict built by hand. */
    public static final Phases NONE = new Phases(0, 0, 0, 0, 0, 0);

    /** These phases as measured in a child JVM, seen from the parent that waited {@code parentNanos} for them. */
    public Phases seenFromParent(long parentNanos) {
        return new Phases(parentNanos, warmupNanos, timedNanos, inputsNanos, checkingNanos,
                Math.max(0, parentNanos - totalNanos));
    }

    /** Nanoseconds per phase, for the verdict's serialised form. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total_ns", totalNanos);
        map.put("warmup_ns", warmupNanos);
        map.put("timed_ns", timedNanos);
        map.put("inputs_ns", inputsNanos);
        map.put("checking_ns", checkingNanos);
        map.put("fork_ns", forkNanos);
        return map;
    }

    static Phases fromMap(Map<String, Object> map) {
        return new Phases(nanos(map, "total_ns"), nanos(map, "warmup_ns"), nanos(map, "timed_ns"),
                nanos(map, "inputs_ns"), nanos(map, "checking_ns"), nanos(map, "fork_ns"));
    }

    private static long nanos(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("a verdict's phases without " + key);
        }
        return ((Number) value).longValue();
    }
}
