package org.vmaware.grader.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each check costs on the reference, and the time limit that follows from it: {@code LAB/check-costs.json},
 * written by the proof, committed, and shipped with the student edition and the bundles.
 *
 * <p>A check's limit is {@code max(20 s, 10 × cost)}, divided by the share of a CPU a cgroup quota leaves the
 * grader ({@link CpuShare}: twice as long on a ½-CPU autograder), and never more than the lab's
 * {@code checkSeconds}. Ten times the reference's wall time leaves room for a slow laptop; twenty seconds leaves room
 * for a JVM that starts cold. A check with no recorded cost gets the lab's {@code checkSeconds}. So an endless loop costs
 * its check 20 s or so, not 150.</p>
 *
 * <pre>
 * {"about": "...", "costs": {"org.vmaware.lab03.grading.Task2SpeedTest#stringJoin": 0.83, ...}}
 * </pre>
 */
public final class CheckCosts {

    /** The least limit of a check whose cost is recorded. */
    public static final int FLOOR_SECONDS = 20;
    /** A check's limit as a multiple of its cost on the reference. */
    public static final int MULTIPLE = 10;
    /** The file's name in a lab's folder. */
    public static final String FILE = "check-costs.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CheckCosts NONE = new CheckCosts(Map.of());
    /** The share of a CPU this machine's quota leaves the grader, read once: the limits stretch by its inverse. */
    private static final double SHARE = CpuShare.ofThisProcess();

    private final Map<String, Double> seconds;

    private CheckCosts(Map<String, Double> seconds) {
        this.seconds = new TreeMap<>(seconds);
    }

    /** No recorded costs: every check gets the lab's {@code checkSeconds}. */
    public static CheckCosts none() {
        return NONE;
    }

    public static CheckCosts of(Map<String, Double> seconds) {
        return new CheckCosts(seconds);
    }

    /** Reads {@code file}; a missing file is no recorded costs. */
    public static CheckCosts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Map<String, Double> seconds = new TreeMap<>();
        JsonNode costs = JSON.readTree(file.toFile()).path("costs");
        costs.properties().forEach(e -> seconds.put(e.getKey(), e.getValue().asDouble()));
        return new CheckCosts(seconds);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "Each check's wall time in seconds on the reference, from the proof (./mvnw verify"
                + " -Dproof.writeCosts=true rewrites it). A check's limit is max(" + FLOOR_SECONDS + " s, " + MULTIPLE
                + " x its cost), at most the lab's checkSeconds.");
        ObjectNode costs = root.putObject("costs");
        seconds.forEach((id, s) -> costs.put(id, Math.round(s * 100) / 100.0));
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** The recorded cost of check {@code id} in seconds, or a negative number where none is recorded. */
    public double cost(String id) {
        return seconds.getOrDefault(id, -1.0);
    }

    /** Check {@code id}'s limit in whole seconds, at most {@code cap} (the lab's checkSeconds). */
    public int limit(String id, int cap) {
        return limit(id, cap, SHARE);
    }

    /**
     * As {@link #limit(String, int)} on a machine that gives this process {@code cpuShare} of a CPU: the limit is
     * divided by it (a ½-CPU grader gets twice as long), and is still at most {@code cap}.
     */
    public int limit(String id, int cap, double cpuShare) {
        double cost = cost(id);
        if (cost < 0) {
            return cap;
        }
        double share = Math.max(0.05, Math.min(1, cpuShare));
        return (int) Math.min(cap, Math.ceil(Math.max(FLOOR_SECONDS, MULTIPLE * cost) / share));
    }

    /** The limits as {@code -Dgrade.checkLimits} carries them to a child's watchdog: {@code ID=S,ID=S}. */
    public String limits(int cap) {
        StringBuilder text = new StringBuilder();
        for (String id : seconds.keySet()) {
            text.append(text.length() == 0 ? "" : ",").append(id).append('=').append(limit(id, cap));
        }
        return text.toString();
    }

    public Map<String, Double> seconds() {
        return Map.copyOf(seconds);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d check cost(s)", seconds.size());
    }
}
