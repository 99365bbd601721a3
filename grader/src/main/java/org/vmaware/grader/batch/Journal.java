package org.vmaware.grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.pipeline.GradingException;

/**
 * {@code journal.jsonl}: the batch's first line (lab, mode, batch seed, shard), then one line per submission
 * graded, written and synced before the next begins. A run killed part-way is started again with the same command:
 * it reads the journal and grades only what it does not hold. A last line cut short by the kill is not a row.
 */
final class Journal implements AutoCloseable {

    static final String FILE = "journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final OutputStream out;
    private final ObjectNode header;
    private final Map<String, Row> done;

    private Journal(Path file, ObjectNode header, Map<String, Row> done) throws IOException {
        this.header = header;
        this.done = done;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = java.nio.channels.Channels.newOutputStream(channel);
    }

    /**
     * Opens the journal in {@code dir}, or starts one with {@code header}. An existing journal must be of the same
     * lab, mode and shard; its batch seed is kept (a different {@code --seed} is refused).
     *
     * @param header lab, mode, shard and batch seed (null: a fresh seed, or the journal's)
     * @param fresh  the batch seed to start a new journal with when the header has none
     */
    static Journal open(Path dir, ObjectNode header, long fresh) throws IOException, GradingException {
        Path file = dir.resolve(FILE);
        Map<String, Row> done = new LinkedHashMap<>();
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            if (header.path("batch_seed").isNull() || !header.has("batch_seed")) {
                header.put("batch_seed", fresh);
            }
            Files.writeString(file, JSON.writeValueAsString(header) + "\n", StandardCharsets.UTF_8);
            return new Journal(file, header, done);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        JsonNode first = JSON.readTree(lines.get(0));
        for (String key : List.of("lab", "mode", "shard", "seeds_from")) {
            if (!first.path(key).asText().equals(header.path(key).asText())) {
                throw GradingException.usage(file + " is a journal of another batch (" + key + " " + first.path(key)
                        + ", not " + header.path(key) + "): give another --out, or delete it to start again");
            }
        }
        if (header.has("batch_seed") && !header.path("batch_seed").isNull()
                && header.path("batch_seed").asLong() != first.path("batch_seed").asLong()) {
            throw GradingException.usage(file + " was started with --seed " + first.path("batch_seed")
                    + ": resume it with that seed, or give another --out");
        }
        header.put("batch_seed", first.path("batch_seed").asLong());
        for (String line : lines.subList(1, lines.size())) {
            try {
                Row row = JSON.treeToValue(JSON.readTree(line).path("row"), Row.class);
                done.put(row.student(), row);
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                // the line the kill cut short: that submission is graded again
            }
        }
        return new Journal(file, header, done);
    }

    long batchSeed() {
        return header.path("batch_seed").asLong();
    }

    Map<String, Row> done() {
        return done;
    }

    /** Records one graded submission, on disk before it returns. */
    void add(Row row) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.set("row", JSON.valueToTree(row));
        out.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        channel.force(false);
        done.put(row.student(), row);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
