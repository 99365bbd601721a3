package org.vmaware.lab02.grading;

import org.vmaware.lab02.Pipeline;

/**
 * The pipeline in a JVM of its own, so its heap can be small: {@code PipelineMain lazy|eager RECORDS SENSOR}. Prints
 * the total on a line of its own; {@code eager} runs the tests' copy of the naive version and prints progress, so
 * the point where it runs out of memory shows.
 */
public final class PipelineMain {

    private static final String ANSWER = "@@total ";

    private PipelineMain() {
    }

    public static void main(String[] args) {
        long records = Long.parseLong(args[1]);
        int sensor = Integer.parseInt(args[2]);
        long total = args[0].equals("eager") ? EagerPipeline.total(records, sensor) : Pipeline.lazyTotal(records, sensor);
        System.out.println(ANSWER + total);
    }

    /** The total printed by a child JVM, or null. */
    static String answer(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(ANSWER)) {
                return line.substring(ANSWER.length()).trim();
            }
        }
        return null;
    }
}
