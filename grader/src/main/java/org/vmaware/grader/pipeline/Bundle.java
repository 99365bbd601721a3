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

import org.vmaware.grader.supervise.CheckCosts;

/**
 * The Gradescope autograder zip of one lab: the grader's own copy of the lab (never its solution) and the two
 * scripts Gradescope runs.
 *
 * <pre>
 * setup.sh                      once, when Gradescope builds the image: a JDK 17 if there is none
 * run_autograder                per submission: grade LAB --submission /autograder/submission --out /autograder/results
 * labs/LAB/grading.json         student files, JVM flags, time limits
 * labs/LAB/check-costs.json      each check's cost on the reference, from which its limit follows
 * labs/LAB/src/main/java/...    given sources and the starter's student files
 * labs/LAB/test-classes/...     the compiled tests: thresholds, baselines, inputs
 * labs/LAB/lib/...              the tests' libraries (grader-runtime, its API, JUnit); classpath.txt lists them
 * tools/...                     the command-line grader, which run_autograder starts; tools/classpath.txt lists it
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
            if (!lab.costs().seconds().isEmpty()) {
                Path costs = Files.createTempFile("check-costs", ".json");
                try {
                    lab.costs().write(costs);
                    text(out, base + CheckCosts.FILE, Files.readString(costs), READABLE);
                } finally {
                    Files.delete(costs);
                }
            }
            for (Path root : lab.sources()) {
                tree(out, root, base + "src/main/java/");
            }
            tree(out, lab.testClasses(), base + "test-classes/");
            List<String> classpath = entries(out, lab.classpath(), base, "lib");
            text(out, base + "classpath.txt", String.join(":", classpath) + "\n", READABLE);
            List<String> tools = entries(out, toolsClasspath(), "", "tools");
            text(out, "tools/classpath.txt", String.join(":", tools) + "\n", READABLE);
        }
    }

    /** Copies class path entries (jars and class folders) under {@code base + folder}; returns their names there. */
    private static List<String> entries(ZipArchiveOutputStream out, List<Path> entries, String base, String folder)
            throws IOException {
        List<String> names = new ArrayList<>();
        int dirs = 0;
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                String name = folder + "/classes-" + ++dirs;
                tree(out, entry, base + name + "/");
                names.add(name);
            } else if (Files.isRegularFile(entry)) {
                String name = folder + "/" + entry.getFileName();
                if (!names.contains(name)) {
                    copy(out, entry, base + name);
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The class path of the grader's own tools, which run_autograder starts: the command-line grader's jar, which
     * holds all of them, or (where the grader runs from its class folders, as in its own tests) this JVM's class
     * path. The lab's graded JVMs get the lab's class path instead, which holds none of them.
     */
    static List<Path> toolsClasspath() throws IOException {
        Path self;
        try {
            self = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot tell where the grader's classes are: " + e.getMessage());
        }
        if (Files.isRegularFile(self)) {
            return List.of(self);
        }
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .collect(Collectors.toList());
    }

    /**
     * The lab's grading.json as the bundle carries it: the build's JVM flags already filled in, the hint level and
     * the lab's class-file policy.
     */
    static String descriptor(LabHome lab) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("lab", lab.name());
        node.put("title", lab.title());
        lab.studentFiles().forEach(node.putArray("studentFiles")::add);
        node.put("jvmFlags", String.join(" ", lab.jvmFlags()));
        node.put("checkSeconds", lab.checkSeconds());
        node.put("runSeconds", lab.runSeconds());
        node.put("release", lab.release());
        node.put("hints", lab.hints().key());
        // the lab's own allow and deny lines: without them a bundle graded lab04 with Scheduling#arm allowed
        ObjectNode policy = node.putObject("policy");
        lab.policy().allow().forEach(policy.putArray("allow")::add);
        lab.policy().deny().forEach(policy.putArray("deny")::add);
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
