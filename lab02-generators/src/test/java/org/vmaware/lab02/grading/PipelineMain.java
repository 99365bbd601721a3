package org.vmaware.lab02.grading;

import org.vmaware.grader.fork.Channel;
import org.vmaware.lab02.Pipeline;
import org.vmaware.lab02.Records;

/**
 * The pipeline in a JVM of its own, so its heap can be small: {@code PipelineMain lazy|eager RECORDS SENSOR KEY}. The
 * total goes to the parent on the grader's {@link Channel} as a {@value #TOTAL} frame, never on a line of output:
 * the code under test shares {@code System.out} with this class, and a total it printed itself must count for
 * nothing. {@code eager} runs the tests' copy of the naive version and reports its progress the same way, so the
 * point where it runs out of memory shows.
 */
public final class PipelineMain {

    /** The frame that carries the total. */
    static final String TOTAL = "total";
    /** The frame that carries the eager pipeline's progress: the records it holds so far. */
    static final String PROGRESS = "records";

    private PipelineMain() {
    }

    public static void main(String[] args) {
        // first, before any student class is loaded: from here on System.out is the capped output, not the channel
        Channel.openInChild();
        long records = Long.parseLong(args[1]);
        int sensor = Integer.parseInt(args[2]);
        Records.key(Long.parseLong(args[3]));
        long total = args[0].equals("eager") ? EagerPipeline.total(records, sensor) : Pipeline.lazyTotal(records, sensor);
        Channel.send(TOTAL, Long.toString(total));
    }
}
