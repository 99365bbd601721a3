package org.vmaware.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vmaware.grader.pipeline.GradingException;

/**
 * {@code merge}: joins the gradebooks of a batch's shards into one. It refuses shards of different batches (lab,
 * mode, batch seed or N), a shard given twice or a student in two shards (overlapping), and a shard or a student
 * that is missing: every K of 1..N once, and as many rows as the folder had submissions.
 */
public final class Merge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Merge() {
    }

    /** Merges the shards' output folders into {@code out}'s gradebook.csv; returns its rows. */
    public static List<Row> merge(List<Path> shards, Path out) throws IOException, GradingException {
        if (shards.isEmpty()) {
            throw GradingException.usage("merge needs the output folders of a batch's shards");
        }
        JsonNode first = null;
        Map<Integer, Path> seen = new TreeMap<>();
        Map<String, Path> owner = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (Path dir : shards) {
            Path file = dir.resolve("batch.json");
            if (!Files.isRegularFile(file)) {
                throw GradingException.usage(dir + " is not the output of grade-batch (no batch.json)");
            }
            JsonNode batch = JSON.readTree(file.toFile());
            if (first == null) {
                first = batch;
            }
            for (String key : List.of("lab", "mode", "batch_seed", "submissions")) {
                if (!batch.path(key).asText().equals(first.path(key).asText())) {
                    throw GradingException.usage(dir + " is of another batch: " + key + " " + batch.path(key) + ", not "
                            + first.path(key) + " as in " + shards.get(0));
                }
            }
            Shard shard = Shard.parse(batch.path("shard").asText());
            if (shard.count() != Shard.parse(first.path("shard").asText()).count()) {
                throw GradingException.usage(dir + " is shard " + shard + ", of another N than " + first.path("shard"));
            }
            if (seen.put(shard.index(), dir) != null) {
                throw GradingException.usage("overlapping shards: " + seen.get(shard.index()) + " and " + dir
                        + " are both shard " + shard);
            }
            List<Row> shardRows = Gradebook.read(dir.resolve(Gradebook.FILE));
            if (shardRows.size() != batch.path("in_shard").asInt()) {
                throw GradingException.usage(dir + " is not finished: " + shardRows.size() + " of its "
                        + batch.path("in_shard").asInt() + " submissions graded (run its grade-batch again)");
            }
            for (Row row : shardRows) {
                Path before = owner.put(row.student(), dir);
                if (before != null) {
                    throw GradingException.usage("overlapping shards: " + row.student() + " is in " + before + " and "
                            + dir);
                }
                rows.add(row);
            }
        }
        int count = Shard.parse(first.path("shard").asText()).count();
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!seen.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw GradingException.usage("missing shards: " + missing + " of " + count + " (nothing was written)");
        }
        if (rows.size() != first.path("submissions").asInt()) {
            throw GradingException.usage("the shards hold " + rows.size() + " students, the folder had "
                    + first.path("submissions").asInt() + " submissions (nothing was written)");
        }
        rows.sort(java.util.Comparator.comparing(Row::student));
        Gradebook.write(out.resolve(Gradebook.FILE), rows);
        return rows;
    }
}
