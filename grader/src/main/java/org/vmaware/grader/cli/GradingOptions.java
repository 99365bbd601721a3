package org.vmaware.grader.cli;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

import picocli.CommandLine.Option;

/**
 * The options {@code grade} and {@code grade-batch} share, mixed into both so that they read, check and mean the same:
 * which checks run and how long one submission may take.
 */
final class GradingOptions {

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "full",
            description = "full (correctness and timing) or correctness (no timing checks)")
    String mode;

    @Option(names = "--check-seconds", paramLabel = "S", description = "Wall-time limit of one check (default: the lab's grading.json)")
    Integer checkSeconds;

    @Option(names = "--run-seconds", paramLabel = "S",
            description = "Wall-time limit of one submission's whole run (default: the lab's grading.json)")
    Integer runSeconds;

    /**
     * Refuses what no grade can be made with, before anything is graded.
     *
     * @throws GradingException a usage error naming the option
     */
    void validate() throws GradingException {
        if (!mode.equals("full") && !mode.equals("correctness")) {
            throw GradingException.usage("--mode must be 'full' or 'correctness', not '" + mode + "'");
        }
        if ((checkSeconds != null && checkSeconds < 1) || (runSeconds != null && runSeconds < 1)) {
            throw GradingException.usage("--check-seconds and --run-seconds must be 1 or more");
        }
    }

    /**
     * The lab with the limits given on the command line in place of its grading.json's.
     *
     * @param home the lab as found
     * @return {@code home} itself when no limit was given
     */
    LabHome limit(LabHome home) {
        if (checkSeconds == null && runSeconds == null) {
            return home;
        }
        return home.withLimits(checkSeconds != null ? checkSeconds : home.checkSeconds(),
                runSeconds != null ? runSeconds : home.runSeconds());
    }
}
