package org.vmaware.lab02.grading;

import java.util.ArrayList;
import java.util.List;

import org.vmaware.grader.fork.Channel;
import org.vmaware.lab02.Records;

/** The tests' copy of the naive pipeline, reporting how many records it held before it ran out of memory. */
final class EagerPipeline {

    private EagerPipeline() {
    }

    static long total(long records, int sensor) {
        List<String> lines = new ArrayList<>();
        for (long id = 0; id < records; id++) {
            lines.add(Records.line(id));
            if (id % 100_000 == 0) {
                Channel.send(PipelineMain.PROGRESS, Long.toString(id));
            }
        }
        long total = 0;
        for (String line : lines) {
            String[] fields = line.split(",");
            if (Integer.parseInt(fields[1]) == sensor) {
                total += Long.parseLong(fields[2]);
            }
        }
        return total;
    }
}
