package org.vmaware.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.vmaware.grader.pipeline.GradingException;

/**
 * One submission of a batch: who it is and where its files are.
 *
 * <p>A batch folder holds one sub-folder per submission: Gradescope's "Export Submissions" (its
 * {@code submission_metadata.yml} maps each folder to its submitters) or a folder of cloned repositories. The
 * student is the metadata's submitter (e-mail, else student id, else name; a group's joined with {@code +}) where
 * the metadata names one, else the folder's name.</p>
 *
 * @param student who the row of the gradebook is for
 * @param folder  the submission's folder
 */
public record Submission(String student, Path folder) {

    /** Gradescope's export names this file; its keys are the submission folders. */
    public static final String METADATA = "submission_metadata.yml";

    /** The submissions in {@code dir}, sorted by student. */
    public static List<Submission> in(Path dir) throws IOException, GradingException {
        if (!Files.isDirectory(dir)) {
            throw GradingException.usage(dir + " is not a directory of submissions");
        }
        Map<String, String> submitters = submitters(dir.resolve(METADATA));
        List<Submission> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(".")) {
                    found.add(new Submission(submitters.getOrDefault(name, name), folder));
                }
            }
        }
        found.sort(Comparator.comparing(Submission::student));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).student().equals(found.get(i - 1).student())) {
                throw GradingException.usage(found.get(i).student() + " has two submissions in " + dir + ": "
                        + found.get(i - 1).folder().getFileName() + " and " + found.get(i).folder().getFileName());
            }
        }
        return found;
    }

    /** Folder to student, from Gradescope's metadata; empty where there is none. */
    private static Map<String, String> submitters(Path metadata) throws IOException {
        Map<String, String> map = new TreeMap<>();
        if (!Files.isRegularFile(metadata)) {
            return map;
        }
        // Gradescope writes Ruby-style keys (":submitters:"), which YAML reads as strings with the colon
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(metadata.toFile());
        root.properties().forEach(entry -> {
            List<String> who = new ArrayList<>();
            for (JsonNode submitter : field(entry.getValue(), "submitters")) {
                String id = text(submitter, "email");
                id = id.isEmpty() ? text(submitter, "sid") : id;
                id = id.isEmpty() ? text(submitter, "name") : id;
                if (!id.isEmpty()) {
                    who.add(id);
                }
            }
            if (!who.isEmpty()) {
                map.put(entry.getKey(), String.join("+", who));
            }
        });
        return map;
    }

    private static JsonNode field(JsonNode node, String name) {
        return node.has(":" + name) ? node.path(":" + name) : node.path(name);
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText("").trim();
    }
}
