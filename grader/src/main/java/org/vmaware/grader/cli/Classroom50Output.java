package org.vmaware.grader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.pipeline.Classroom50Result;

/** {@code grade --classroom50-result FILE}: Classroom 50's result.json and the Release's Markdown beside it. */
final class Classroom50Output {

    private Classroom50Output() {
    }

    static void write(JsonNode results, Path summary, Path file) throws IOException {
        ObjectNode result = Classroom50Result.of(results, System.getenv(), Instant.now());
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        String table = Files.isRegularFile(summary) ? Files.readString(summary) : "";
        Files.writeString(dir.resolve("release-body.md"), Classroom50Result.releaseBody(result, table));
    }
}
