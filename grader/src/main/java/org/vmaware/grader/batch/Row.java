package org.vmaware.grader.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.vmaware.grader.report.ScoreTable;
import org.vmaware.grader.report.Verdicts;

/**
 * One student's row of the gradebook.
 *
 * @param student      who
 * @param folder       the submission's folder name
 * @param status       {@code graded}, or {@code crashed: why} when the grading itself failed
 * @param tasks        each task's points, by task number
 * @param total        the points earned
 * @param max          the lab's points
 * @param seed         the input seed the grading used
 * @param sha256       SHA-256 of the student files' own SHA-256s ({@code path sha256:...} lines, sorted)
 * @param inconclusive the checks that came out INCONCLUSIVE, with why where they depend on the machine
 * @param published    how the score the submission published (its result.json) compares with this grade, or empty
 */
public record Row(String student, String folder, String status, Map<Integer, Double> tasks, double total, double max,
        long seed, String sha256, String inconclusive, String published) {

    /** The row of a grading's results.json. */
    static Row of(Submission submission, long seed, JsonNode results, String published) {
        Map<Integer, Double> tasks = new TreeMap<>();
        List<String> undecided = new ArrayList<>();
        for (JsonNode test : results.path("tests")) {
            String number = test.path("number").asText();
            int task = Integer.parseInt(number.substring(0, number.indexOf('.')));
            tasks.merge(task, test.path("score").asDouble(), Double::sum);
            if (test.path("extra_data").path("outcome").asText().equals("INCONCLUSIVE")) {
                String why = test.path("extra_data").path("machine_dependent").asText("");
                undecided.add(number + (why.isEmpty() ? "" : " (machine-dependent: " + why + ")")
                        + (Verdicts.of(test).points() > 0 ? " PARTIAL" : ""));
            }
        }
        return new Row(submission.student(), submission.folder().getFileName().toString(), "graded", tasks,
                results.path("score").asDouble(), results.path("extra_data").path("max_score").asDouble(), seed,
                filesHash(results.path("extra_data").path("student_files")), String.join("; ", undecided), published);
    }

    /** The row of a submission whose grading failed: it says so, and the batch goes on. */
    static Row crashed(Submission submission, long seed, String why) {
        return new Row(submission.student(), submission.folder().getFileName().toString(),
                "crashed: " + why.replace('\n', ' '), Map.of(), 0, 0, seed, "", "", "");
    }

    private static String filesHash(JsonNode files) {
        Map<String, String> sorted = new TreeMap<>();
        files.properties().forEach(f -> sorted.put(f.getKey(), f.getValue().asText()));
        StringBuilder lines = new StringBuilder();
        sorted.forEach((path, sha) -> lines.append(path).append(' ').append(sha).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row as the CSV's cells, for {@code taskNumbers}' columns. */
    Map<String, String> cells(List<Integer> taskNumbers) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("student", student);
        cells.put("folder", folder);
        cells.put("status", status);
        for (int task : taskNumbers) {
            Double points = tasks.get(task);
            cells.put("task " + task, points == null ? "" : ScoreTable.points(points));
        }
        cells.put("total", status.equals("graded") ? ScoreTable.points(total) : "");
        cells.put("max", status.equals("graded") ? ScoreTable.points(max) : "");
        cells.put("seed", String.valueOf(seed));
        cells.put("sha256", sha256);
        cells.put("inconclusive", inconclusive);
        cells.put("published", published);
        return cells;
    }

    /** A row read back from a gradebook's cells. */
    static Row fromCells(Map<String, String> cells) {
        Map<Integer, Double> tasks = new TreeMap<>();
        cells.forEach((column, value) -> {
            if (column.startsWith("task ") && !value.isEmpty()) {
                tasks.put(Integer.parseInt(column.substring(5)), Double.parseDouble(value));
            }
        });
        return new Row(cells.get("student"), cells.getOrDefault("folder", ""), cells.getOrDefault("status", ""), tasks,
                number(cells.get("total")), number(cells.get("max")), Long.parseLong(cells.get("seed")),
                cells.getOrDefault("sha256", ""), cells.getOrDefault("inconclusive", ""),
                cells.getOrDefault("published", ""));
    }

    private static double number(String text) {
        return text == null || text.isEmpty() ? 0 : Double.parseDouble(text);
    }
}
