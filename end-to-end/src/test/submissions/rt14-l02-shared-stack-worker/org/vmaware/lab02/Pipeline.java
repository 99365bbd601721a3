package org.vmaware.lab02;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Aggregating generated text records: REFERENCE SOLUTION (lab02, task 4).
 *
 * <p>The eager version keeps every line, then every parsed reading: under {@code -Xmx64m} it runs out of memory after
 * about a million records. The lazy version holds one record at a time, so 50 million fit, and the collector frees
 * each one after its use.</p>
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** Naive on purpose: all the lines, then all the readings of the sensor, then their sum. */
    public static long eagerTotal(long records, int sensor) {
        List<String> lines = new ArrayList<>();
        for (long id = 0; id < records; id++) {
            lines.add(Records.line(id));
        }
        List<Long> readings = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(",");
            if (Integer.parseInt(fields[1]) == sensor) {
                readings.add(Long.parseLong(fields[2]));
            }
        }
        long total = 0;
        for (long value : readings) {
            total += value;
        }
        return total;
    }

    /** One record at a time: generate, parse, filter, sum, and forget it. */
    public static long lazyTotal(long records, int sensor) {
        return LongStream.range(0, records)
                .mapToObj(Records::line)
                .map(line -> line.split(","))
                .filter(fields -> Integer.parseInt(fields[1]) == sensor)
                .mapToLong(fields -> Long.parseLong(fields[2]))
                .sum();
    }
}
