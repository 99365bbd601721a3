package org.vmaware.lab02;

/**
 * Given (not a student file): the generated text records that task 4's pipeline reads, {@code "id,sensor,reading"}.
 *
 * <p>Each record's sensor and reading are scattered by a key the tests draw for the run, so no formula in a student
 * file can stand in for generating and parsing the text: the total is known only to code that reads the records.
 * Only the tests set the key ({@link #key}, refused to student code by the lab's policy in {@code grading.json}).</p>
 *
 * <pre>
 * Records.line(17)     "17,9,560" (the sensor and the reading depend on the run's key)
 * Records.SENSORS      16: a record's sensor is 0 to 15, its reading 0 to 999
 * </pre>
 */
public final class Records {

    /** The number of sensors: a record's sensor is {@code 0} to {@code SENSORS - 1}. */
    public static final int SENSORS = 16;
    /** A reading is {@code 0} to {@code READINGS - 1}. */
    public static final int READINGS = 1000;

    private static volatile long key;

    private Records() {
    }

    /** Record {@code id} of the generated text: {@code "id,sensor,reading"}. */
    public static String line(long id) {
        long mixed = mix(id + key);
        return id + "," + sensor(mixed) + "," + reading(mixed);
    }

    private static int sensor(long mixed) {
        return (int) (mixed >>> 60);
    }

    private static long reading(long mixed) {
        return ((mixed & 0xFFFF_FFFFL) * READINGS) >>> 32;
    }

    /** SplitMix64's finaliser: every bit of the result depends on every bit of the id and the key. */
    private static long mix(long value) {
        long z = value * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The tests' alone: the key of this run's records. */
    public static void key(long runKey) {
        key = runKey;
    }
}
