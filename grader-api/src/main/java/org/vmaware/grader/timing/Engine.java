package org.vmaware.grader.timing;

/**
 * The verdict engine's identity, for reports and the proof: which rule and which answer checks made a verdict.
 *
 * <pre>
 * 7.0.0   other threads' CPU beside a batch is all live threads' less the measuring thread's part of the same
 *         reading, not less its own clock (two clocks 2 to 30 us apart failed a reference's 10 us batches as
 *         interfered with, once in a busy campaign of 6.2.0, a build never released); a verdict says how many CPUs
 *         each side kept busy while timed ({@link BusyCpus}), for a check whose lesson is running at once (lab04's
 *         4b)
 * 6.1.0   offloading is judged for every thread-clock check, also one timed by wall time because its batches are
 *         too short for the thread clock (then an offloaded candidate is timed by all threads' CPU, the naive side by
 *         its own thread's); honest single-threaded code reads the same as under the thread clock. The JIT's queue
 *         gets up to 2 s of rounds of its own after warm-up, not what is left of warm-up's wall-time cap
 * 6.0.0   warm-up ends only when the JIT's compile queue is empty (HotSpot's Compiler.queue); one still busy at
 *         warm-up's wall-time cap leaves the verdict INCONCLUSIVE, without points
 * 5.1.0   a round's inputs are made newest first (the first calls timed read the data made last); batches as short
 *         as 10 µs, whose warm-up keeps the default cap and lasts at least 0.1 s of wall time
 * 5.0.0   under the wall clock the naive side is timed by its thread's CPU time (no pause beside it counts);
 *         lab01's timed inputs are fresh arrays, not one array with an element changed
 * 4.0.0   inputs from a keyed generator ({@link org.vmaware.grader.KeyedRandom}) whose outputs predict nothing,
 *         and the order of the sides in a round from the engine's own generator
 * 3.0.0   other threads' CPU beside the candidate is the candidate's (it is then timed by all threads' CPU, the
 *         baseline by its own thread's); threads that end within batches and CPU only the process clock saw count
 *         as offloading
 * 2.0.0   every answer checked at positions the engine draws; the spec as one value; verdicts on the channel
 * 1.2.0   partial credit from the engine's own exceptions
 * </pre>
 */
public final class Engine {

    /** The engine's version: its major part changes when a verdict may come out differently on the same code. */
    public static final String VERSION = "7.0.0";

    private Engine() {
    }
}
