package org.vmaware.lab02;

/**
 * Red team 10: the total from the records' formula, with no text at all. The records used to be made by a formula in
 * this very file ({@code id % 16} for the sensor, a multiplicative hash for the reading), so the sum could be
 * computed without generating, parsing or holding a single record, and 4b's 64 MB heap proved nothing.
 */
public final class Pipeline {

    private Pipeline() {
    }

    public static long eagerTotal(long records, int sensor) {
        return lazyTotal(records, sensor);
    }

    public static long lazyTotal(long records, int sensor) {
        long total = 0;
        for (long id = sensor; id < records; id += 16) {
            total += ((id * 0x9E3779B97F4A7C15L) >>> 33) % 1000;
        }
        return total;
    }
}
