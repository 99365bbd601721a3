package org.vmaware.lab04;

import java.util.Map;

/**
 * The reference-count race, step by step: YOUR CODE (lab04, task 1d).
 *
 * <p>Each thread runs three steps on one shared count that starts at 0: {@code load} (copy the count into its own
 * register), {@code add} (add its amount, {@code adds[t]} for thread {@code t}, to its register), {@code store}
 * (copy its register into the count). The refcount race adds 1 in every thread; other amounts show which thread's
 * store survived. Every order in
 * which the threads' steps can interleave (each thread's own steps staying in order) is a possible run. Enumerate
 * them all, run each, and count how many end at each final value.</p>
 * <pre>
 * outcomes(1)      = {1=1}
 * outcomes(1, 1)   = a map from final count to the number of interleavings ending there (20 in all)
 * outcomes(5, 7)   = the same 20 interleavings: some end at 12, the others at 5 or 7
 * </pre>
 */
public final class RaceModel {

    private RaceModel() {
    }

    /** How many interleavings of the threads' load/add/store end at each final count (1 to 4 threads). */
    public static Map<Long, Long> outcomes(long... adds) {
        // TODO task 1d: a recursive search: at each point, try every thread that has a step left
        throw new UnsupportedOperationException("TODO task 1d: enumerate the interleavings");
    }
}
