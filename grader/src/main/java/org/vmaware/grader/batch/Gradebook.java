package org.vmaware.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.vmaware.grader.pipeline.GradingException;

/**
 * {@code gradebook.csv}: one row per student, sorted by student, with a column per task. Jackson's CSV module
 * writes and reads it, quoting what needs quotes (a crash's message, a list of inconclusive checks).
 */
public final class Gradebook {

    /** The gradebook's file name in a batch's output folder. */
    public static final String FILE = "gradebook.csv";

    private static final CsvMapper CSV = new CsvMapper();

    private Gradebook() {
    }

    /** Writes {@code rows} to {@code file}, through a temporary file and a move. */
    public static void write(Path file, List<Row> rows) throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::student));
        TreeSet<Integer> tasks = new TreeSet<>();
        sorted.forEach(r -> tasks.addAll(r.tasks().keySet()));
        List<Integer> numbers = List.copyOf(tasks);
        CsvSchema.Builder schema = CsvSchema.builder();
        new Row("", "", "", Map.of(), 0, 0, 0, "", "", "").cells(numbers).keySet().forEach(schema::addColumn);
        List<Map<String, String>> cells = new ArrayList<>();
        sorted.forEach(r -> cells.add(r.cells(numbers)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".tmp");
        CSV.writer(schema.build().withHeader()).writeValue(temp.toFile(), cells);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The rows of a gradebook. */
    public static List<Row> read(Path file) throws IOException, GradingException {
        if (!Files.isRegularFile(file)) {
            throw GradingException.usage(file + " is not a gradebook (no such file)");
        }
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> cells = it.next();
                if (!cells.containsKey("student") || !cells.containsKey("seed")) {
                    throw GradingException.usage(file + " is not a gradebook: it has no student and seed columns");
                }
                rows.add(Row.fromCells(cells));
            }
        }
        return rows;
    }
}
