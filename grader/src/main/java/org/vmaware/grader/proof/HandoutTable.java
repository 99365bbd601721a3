package org.vmaware.grader.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds a lab's handout to its rubric: the README's task table must say, per task, as many checks and points as
 * the graded checks have, and name every speed-up target in bold ({@code **1.5x**}) in that task's rows. So a
 * threshold changed in a {@code Rubric} and not in the handout fails the proof, with the lines to fix.
 *
 * <pre>
 * | task | ... | checks | points |        the table: its first column the task, its last two checks and points
 * |---|---|---|---|                        (a task may take several rows; they are summed)
 * | 2 | ... **1.5x** faster ... | 2 | 3 |  a speed-up target: a bold number followed by x
 * </pre>
 */
final class HandoutTable {

    private static final Pattern BOLD_RATIO = Pattern.compile("\\*\\*([0-9][0-9,]*(?:\\.[0-9]+)?)x");

    private HandoutTable() {
    }

    /** What one task's rows say: how many checks, how many points, which speed-ups. */
    private static final class Task {
        int checks;
        double points;
        final List<Double> ratios = new ArrayList<>();
    }

    /**
     * Compares the README's task table with the reference's graded checks.
     *
     * @param readme the lab's README
     * @param checks the graded checks, as results.json's tests (number "TASK.N", max_score, extra_data.verdict)
     * @return what disagrees, one line each; empty if the handout says what the rubric does
     */
    static List<String> problems(String readme, Iterable<JsonNode> checks) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Task> said = read(readme, problems);
        if (said.isEmpty() && problems.isEmpty()) {
            return List.of("the README has no task table (a table whose header begins '| task |' and ends"
                    + " '| checks | points |')");
        }
        Map<Integer, Task> graded = new TreeMap<>();
        for (JsonNode check : checks) {
            int task = Integer.parseInt(check.path("number").asText("0.0").split("\\.")[0]);
            Task t = graded.computeIfAbsent(task, k -> new Task());
            t.checks++;
            t.points += check.path("max_score").asDouble();
            JsonNode target = check.path("extra_data").path("verdict").path("spec").path("target");
            if (target.isNumber()) {
                t.ratios.add(target.asDouble());
            }
        }
        for (Map.Entry<Integer, Task> entry : graded.entrySet()) {
            Task want = entry.getValue();
            Task have = said.get(entry.getKey());
            if (have == null) {
                problems.add(String.format(Locale.ROOT, "the README's task table has no row for task %d (%d checks,"
                        + " %s points)", entry.getKey(), want.checks, points(want.points)));
                continue;
            }
            if (have.checks != want.checks || Math.abs(have.points - want.points) > 1e-9) {
                problems.add(String.format(Locale.ROOT, "the README's task table gives task %d %d checks and %s points;"
                        + " the rubric, %d checks and %s points", entry.getKey(), have.checks, points(have.points),
                        want.checks, points(want.points)));
            }
            for (double ratio : want.ratios) {
                if (have.ratios.stream().noneMatch(r -> Math.abs(r - ratio) < 1e-9)) {
                    problems.add(String.format(Locale.ROOT, "task %d's speed-up target is %sx, which its rows in the"
                            + " README's task table do not name in bold (**%sx**)", entry.getKey(), points(ratio),
                            points(ratio)));
                }
            }
        }
        for (int task : said.keySet()) {
            if (!graded.containsKey(task)) {
                problems.add("the README's task table has task " + task + ", which has no graded check");
            }
        }
        return problems;
    }

    private static Map<Integer, Task> read(String readme, List<String> problems) {
        Map<Integer, Task> tasks = new TreeMap<>();
        boolean inTable = false;
        for (String line : readme.split("\n")) {
            String row = line.strip();
            if (!row.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(row);
            if (!inTable) {
                inTable = cells.size() >= 3 && cells.get(0).equals("task") && cells.get(cells.size() - 2).equals("checks")
                        && cells.get(cells.size() - 1).equals("points");
                continue;
            }
            if (cells.get(0).startsWith("---") || !cells.get(0).matches("[0-9]+")) {
                continue;
            }
            String checks = cells.get(cells.size() - 2);
            String points = cells.get(cells.size() - 1);
            if (!checks.matches("[0-9]+") || !points.matches("[0-9]+(\\.[0-9]+)?")) {
                problems.add("a row of the README's task table has no whole number of checks and number of points"
                        + " in its last two cells: " + row);
                continue;
            }
            Task task = tasks.computeIfAbsent(Integer.parseInt(cells.get(0)), k -> new Task());
            task.checks += Integer.parseInt(checks);
            task.points += Double.parseDouble(points);
            Matcher bold = BOLD_RATIO.matcher(row);
            while (bold.find()) {
                task.ratios.add(Double.parseDouble(bold.group(1).replace(",", "")));
            }
        }
        return tasks;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
