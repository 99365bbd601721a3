package org.vmaware.grader.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.timing.Engine;

/**
 * A campaign's record of timing verdicts: one JSON line per timing check per graded run, appended as each run ends,
 * so a campaign stopped halfway keeps what it measured and the next session goes on from there
 * ({@code scripts/verdict-campaign.sh}).
 *
 * <pre>
 * {"at":"2026-12-01T23:59:00Z","label":"idle","java":"17.0.15","lab":"lab03-strings","edition":"reference",
 *  "check":"...Task2SpeedTest#stringBuilder","outcome":"PASS","expected":"PASS","wrong":false,
 *  "machine_dependent":"","median":96.1,"low":87.3,"target":10.0,"rounds":12,"seconds":0.64}
 * </pre>
 */
public final class CampaignRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String label;

    /**
     * @param file  the JSON-lines file to append to (created if missing)
     * @param label what the machine was doing, in a word ("idle", "busy", "box")
     */
    public CampaignRecord(Path file, String label) {
        this.file = file;
        this.label = label;
    }

    /** Appends one line per timing check of the run. */
    void append(String lab, ProveEditions.Run run) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode check : run.checks()) {
            JsonNode extra = check.path("extra_data");
            if (!extra.path("kind").asText().equals("TIMING")) {
                continue;
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("at", Instant.now().toString());
            line.put("label", label);
            line.put("engine", Engine.VERSION);
            line.put("java", System.getProperty("java.version"));
            line.put("lab", lab);
            line.put("edition", run.edition());
            line.put("check", extra.path("id").asText());
            line.put("outcome", extra.path("outcome").asText());
            line.put("expected", extra.path("expect_" + run.edition()).asText());
            line.put("wrong", SelfCheckReport.isWrong(run.edition(), check));
            line.put("machine_dependent", extra.path("machine_dependent").asText(""));
            JsonNode verdict = extra.path("verdict");
            line.put("verdict", verdict.has("median"));
            if (verdict.has("median")) {
                line.put("median", verdict.path("median").asDouble());
                line.put("low", verdict.path("low").asDouble());
                line.put("target", verdict.path("spec").path("target").asDouble());
                line.put("rounds", verdict.path("rounds").asInt());
                line.put("attempts", verdict.path("attempts").asInt());
                line.put("seconds", verdict.path("phases").path("total_ns").asDouble() / 1e9);
                // per call and the notes: a wrong verdict is explained from its line (which side was off, and why)
                line.put("baseline_ns", verdict.path("baseline_ns_per_call").asDouble());
                line.put("candidate_ns", verdict.path("candidate_ns_per_call").asDouble());
                line.set("notes", verdict.path("notes"));
            } else {
                line.put("seconds", extra.path("elapsed_ms").asDouble() / 1000.0);
            }
            lines.append(line.toString()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the campaign record " + file, e);
        }
    }
}
