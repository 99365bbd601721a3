package org.vmaware.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.vmaware.grader.batch.Batch;
import org.vmaware.grader.batch.Gradebook;
import org.vmaware.grader.batch.Row;
import org.vmaware.grader.batch.Shard;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code grade-batch LAB DIR [--out DIR] [--shard K/N] [--seed N | --seeds-from gradebook.csv]}: grades every
 * submission of a folder, one at a time, into a gradebook; started again, it goes on where it stopped.
 */
@Command(name = "grade-batch", mixinStandardHelpOptions = true,
        description = "Grade a folder of submissions (one sub-folder each: Gradescope's export or cloned repositories),"
                + " one at a time, into gradebook.csv and each student's reports.")
final class GradeBatchCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab, such as lab03-strings")
    String lab;

    @Parameters(index = "1", paramLabel = "DIR", description = "The submissions: one sub-folder per submission")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the gradebook and the reports go (default: ./grade-batch)")
    Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "The batch seed; each student's seed is derived from it and the student (default: fresh, kept in the journal)")
    Long seed;

    @Option(names = "--seeds-from", paramLabel = "FILE",
            description = "Regrade with each student's seed recorded in a gradebook.csv: the same inputs, timings measured anew")
    Path seedsFrom;

    @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1",
            description = "Grade only the K-th of N disjoint parts (by a stable hash of the student), 1 <= K <= N")
    String shard;

    @Mixin
    GradingOptions grading;

    @Override
    public Integer call() throws Exception {
        grading.validate();
        if (seed != null && seedsFrom != null) {
            throw GradingException.usage("give --seed or --seeds-from, not both");
        }
        Shard part = Shard.parse(shard);
        Map<String, Long> seeds = null;
        if (seedsFrom != null) {
            seeds = new LinkedHashMap<>();
            for (Row row : Gradebook.read(seedsFrom)) {
                seeds.put(row.student(), row.seed());
            }
        }
        Labs labs = Labs.find(parent.labs);
        LabHome home = grading.limit(labs.lab(lab));
        Path target = (out != null ? out : Path.of("grade-batch")).toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw GradingException.usage("--out " + target + " is a file: name a directory");
        }
        Batch.run(home, dir.toAbsolutePath().normalize(), target, new Batch.Options(grading.mode, seed, part, seeds,
                seedsFrom == null ? null : seedsFrom.toAbsolutePath().normalize().toString()), System.out,
                System.console() != null);
        return 0;
    }
}
