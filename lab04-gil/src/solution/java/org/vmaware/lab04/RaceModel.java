package org.vmaware.lab04;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reference-count race, step by step: REFERENCE SOLUTION (lab04, task 1d).
 *
 * <p>Each thread runs {@code load; add; store} on one shared count that starts at 0. Every interleaving of the
 * threads' steps is a possible run; this enumerates them all and counts the final values. For two threads, 18 of the
 * 20 interleavings lose an update: the count ends at 2 only when one thread's three steps all come before the
 * other's first. Real threads make the rare orders common or the common ones rare, depending on the machine and
 * the JIT; the enumeration does not depend on either.</p>
 */
public final class RaceModel {

    private static final int STEPS = 3;

    private RaceModel() {
    }

    /** How many interleavings of {@code threads} threads' load/add/store end at each final count. */
    public static Map<Long, Long> outcomes(int threads) {
        if (threads < 1 || threads > 4) {
            throw new IllegalArgumentException("1 to 4 threads, got " + threads);
        }
        Map<Long, Long> outcomes = new TreeMap<>();
        explore(new int[threads], new long[threads], 0, outcomes);
        return outcomes;
    }

    /** Tries every thread that has a step left as the next to run. */
    private static void explore(int[] step, long[] register, long shared, Map<Long, Long> outcomes) {
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
                case 1 -> nextRegister[t] = register[t] + 1;
                default -> nextShared = register[t];
            }
            nextStep[t]++;
            explore(nextStep, nextRegister, nextShared, outcomes);
        }
        if (!anyLeft) {
            outcomes.merge(shared, 1L, Long::sum);
        }
    }
}
