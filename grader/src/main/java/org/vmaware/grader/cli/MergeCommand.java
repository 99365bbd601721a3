package org.vmaware.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vmaware.grader.batch.Gradebook;
import org.vmaware.grader.batch.Merge;
import org.vmaware.grader.batch.Row;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge --out DIR SHARD_DIR...}: one gradebook from a batch's shards, refusing overlapping or missing ones. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the gradebooks of grade-batch's shards (every K of N once, every student once) into one.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The --out folder of each shard's grade-batch")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged gradebook.csv goes")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Row> rows = Merge.merge(shards, out);
        System.out.println("[merge] " + rows.size() + " students from " + shards.size() + " shards: "
                + out.resolve(Gradebook.FILE).toAbsolutePath().normalize());
        return 0;
    }
}
