package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The Gradescope autograder zip of one lab: the grader's own copy of the lab (never its solution) and the two
 * scripts Gradescope runs.
 *
 * <pre>
 * setup.sh                      once, when Gradescope builds the image: a JDK 17 if there is none
 * run_autograder                per submission: grade LAB --submission /autograder/submission --out /autograder/results
 * labs/LAB/grading.json         student files, JVM flags, time limits
 * labs/LAB/src/main/java/...    given sources and the starter's student files
 * labs/LAB/test-classes/...     the compiled tests: thresholds, baselines, inputs
 * labs/LAB/lib/...              the grader and the tests' libraries; classpath.txt lists them in order
 * </pre>
 */
public final class Bundle {

    private static final int EXECUTABLE = 0100755;
    private static final int READABLE = 0100644;

    private Bundle() {
    }

    /** Writes the autograder zip of {@code lab} to {@code zip}. */
    public static void gradescope(LabHome lab, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        String base = "labs/" + lab.name() + "/";
        try (OutputStream file = Files.newOutputStream(zip); ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            text(out, "setup.sh", resource("setup.sh"), EXECUTABLE);
            text(out, "run_autograder", resource("run_autograder").replace("@LAB@", lab.name()), EXECUTABLE);
            text(out, base + "grading.json", descriptor(lab), READABLE);
            for (Path root : lab.sources()) {
                tree(out, root, base + "src/main/java/");
            }
            tree(out, lab.testClasses(), base + "test-classes/");
            List<String> classpath = new ArrayList<>();
            int dirs = 0;
            for (Path entry : lab.classpath()) {
                if (Files.isDirectory(entry)) {
                    String name = "lib/classes-" + ++dirs;
                    tree(out, entry, base + name + "/");
                    classpath.add(name);
                } else if (Files.isRegularFile(entry)) {
                    String name = "lib/" + entry.getFileName();
                    if (!classpath.contains(name)) {
                        copy(out, entry, base + name);
                        classpath.add(name);
                    }
                }
            }
            text(out, base + "classpath.txt", String.join(":", classpath) + "\n", READABLE);
        }
    }

    /** The lab's grading.json as the bundle carries it: the build's JVM flags already filled in. */
    static String descriptor(LabHome lab) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("lab", lab.name());
        node.put("title", lab.title());
        lab.studentFiles().forEach(node.putArray("studentFiles")::add);
        node.put("jvmFlags", String.join(" ", lab.jvmFlags()));
        node.put("checkSeconds", lab.checkSeconds());
        node.put("runSeconds", lab.runSeconds());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    /** The class path of a bundle's lab: classpath.txt's entries, relative to the lab's folder. */
    static List<Path> classpath(Path dir) throws IOException {
        String text = Files.readString(dir.resolve("classpath.txt")).trim();
        return Stream.of(text.split(":")).filter(s -> !s.isBlank()).map(dir::resolve).collect(Collectors.toList());
    }

    static String resource(String name) throws IOException {
        try (var in = Bundle.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) {
                throw new IOException("the grader jar lacks its " + name + " template");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void tree(ZipArchiveOutputStream out, Path root, String prefix) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> files.put(
                    prefix + root.relativize(p).toString().replace(File.separatorChar, '/'), p));
        }
        for (Map.Entry<String, Path> file : files.entrySet()) {
            copy(out, file.getValue(), file.getKey());
        }
    }

    private static void copy(ZipArchiveOutputStream out, Path file, String name) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(READABLE);
        entry.setTime(0L);
        out.putArchiveEntry(entry);
        Files.copy(file, out);
        out.closeArchiveEntry();
    }

    private static void text(ZipArchiveOutputStream out, String name, String text, int mode) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        entry.setTime(0L);
        out.putArchiveEntry(entry);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
    }
}
