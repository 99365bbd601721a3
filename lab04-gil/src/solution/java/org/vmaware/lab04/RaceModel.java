package org.vmaware.lab04;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reference-count race, step by step: REFERENCE SOLUTION (lab04, task 1d).
 *
 * <p>Each thread runs {@code load; add; store} on one shared count that starts at 0, thread {@code t} adding
 * {@code adds[t]}. Every interleaving of the
 * threads' steps is a possible run; this enumerates them all and counts the final values. For two threads, 18 of the
 * 20 interleavings lose an update: the count ends at 2 (adding 1 each) only when one thread's three steps all come before the
 * other's first. Real threads make the rare orders common or the common ones rare, depending on the machine and
 * the JIT; the enumeration does not depend on either.</p>
 */
public final class RaceModel {

    private static final int STEPS = 3;

    private RaceModel() {
    }

    /**
     * How many interleavings of the threads' load/add/store end at each final count, thread {@code t} adding
     * {@code adds[t]}: {@code outcomes(1, 1)} is two threads of the refcount race.
     */
    public static Map<Long, Long> outcomes(long... adds) {
        if (adds.length < 1 || adds.length > 4) {
            throw new IllegalArgumentException("1 to 4 threads, got " + adds.length);
        }
        Map<Long, Long> outcomes = new TreeMap<>();
        explore(adds, new int[adds.length], new long[adds.length], 0, outcomes);
        return outcomes;
    }

    /** Tries every thread that has a step left as the next to run. */
    private static void explore(long[] adds, int[] step, long[] register, long shared, Map<Long, Long> outcomes) {
        boolean anyLeft = false;
        for (int t = 0; t < step.length; t++) {
            if (step[t] == STEPS) {
                continue;
            }
            anyLeft = true;
            int[] nextStep = step.clone();
            long[] nextRegister = register.clone();
            long nextShared = shared;
            switch (step[t]) {
                case 0 -> nextRegister[t] = shared;
                case 1 -> nextRegister[t] = register[t] + adds[t];
                default -> nextShared = register[t];
            }
            nextStep[t]++;
            explore(adds, nextStep, nextRegister, nextShared, outcomes);
        }
        if (!anyLeft) {
            outcomes.merge(shared, 1L, Long::sum);
        }
    }
}
