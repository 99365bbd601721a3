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
 *
 * <p>Classroom 50's bundle ({@link #classroom50}) holds the same lab and tools, with {@code autograder.py} in place
 * of the two scripts.</p>
 */
public final class Bundle {

    private static final int EXECUTABLE = 0100755;
    private static final int READABLE = 0100644;

    private Bundle() {
    }

    /** Writes the autograder zip of {@code lab} to {@code zip}. */
    public static void gradescope(LabHome lab, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            Sink sink = zip(out);
            sink.text("setup.sh", resource("setup.sh"), EXECUTABLE);
            sink.text("run_autograder", resource("run_autograder").replace("@LAB@", lab.name()), EXECUTABLE);
            graderAndLab(sink, lab, true);
        }
    }

    /**
     * Writes Classroom 50's autograder bundle of {@code lab} into {@code dir} (the teacher's
     * {@code CLASSROOM/autograders/ASSIGNMENT/}): {@code autograder.py}, which the runner starts in the student's
     * checkout, beside the same grader and lab as the Gradescope zip's.
     */
    public static void classroom50(LabHome lab, Path dir) throws IOException {
        Files.createDirectories(dir);
        Sink sink = directory(dir);
        sink.text("autograder.py", template("classroom50/autograder.py").replace("@LAB@", lab.name()), EXECUTABLE);
        graderAndLab(sink, lab, false);
    }

    /** Classes only the bundle writers load: a Classroom 50 bundle grades without them. */
    private static final List<String> WRITERS_ONLY = List.of("org/apache/commons/compress/", "org/apache/commons/io/",
            "org/apache/commons/codec/");

    /**
     * The grader's tools as one jar of what the lab's own jars do not hold: Classroom 50's runner fetches at most
     * 10 MB of bundle, and the shaded jar repeats Jackson, JUnit and the grader's runtime (7 MB of 14).
     *
     * @return the tools' class path, relative to the bundle: that jar, then the lab's jars
     */
    private static List<String> thinTools(Sink out, LabHome lab, List<String> labJars) throws IOException {
        java.util.Set<String> held = new java.util.HashSet<>();
        for (Path entry : lab.classpath()) {
            if (Files.isRegularFile(entry)) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry.toFile())) {
                    jar.stream().forEach(e -> held.add(e.getName()));
                }
            }
        }
        Path thin = Files.createTempFile("grader-tools", ".jar");
        try {
            try (OutputStream file = Files.newOutputStream(thin); ZipArchiveOutputStream jar = new ZipArchiveOutputStream(file)) {
                Sink sink = zip(jar);
                for (Path entry : toolsClasspath()) {
                    eachMember(entry, (name, member) -> {
                        if (WRITERS_ONLY.stream().noneMatch(name::startsWith) && !name.startsWith("META-INF/MANIFEST")
                                && held.add(name)) {
                            sink.copy(member, name);
                        }
                    });
                }
            }
            out.copy(thin, "tools/grader-tools.jar");
        } finally {
            Files.deleteIfExists(thin);
        }
        List<String> classpath = new ArrayList<>(List.of("tools/grader-tools.jar"));
        String base = "labs/" + lab.name() + "/";
        labJars.forEach(jar -> classpath.add(base + jar));
        return classpath;
    }

    /** A member of a class path entry: its name there and its file. */
    private interface Member {
        void accept(String name, Path file) throws IOException;
    }

    /** Each file of a class path entry, by its name in it: a jar's entries (through its zip file system) or a folder's. */
    private static void eachMember(Path entry, Member member) throws IOException {
        if (Files.isRegularFile(entry)) {
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(entry)) {
                walk(jar.getPath("/"), member);
            }
        } else if (Files.isDirectory(entry)) {
            walk(entry, member);
        }
    }

    private static void walk(Path root, Member member) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            member.accept(root.relativize(file).toString().replace(File.separatorChar, '/'), file);
        }
    }

    /**
     * The part both bundles share: the lab under {@code labs/LAB/}, the grader's tools under {@code tools/} (whole, or
     * only what the lab's jars lack).
     */
    private static void graderAndLab(Sink out, LabHome lab, boolean wholeTools) throws IOException {
        String base = "labs/" + lab.name() + "/";
        out.text(base + "grading.json", descriptor(lab), READABLE);
        if (!lab.costs().seconds().isEmpty()) {
            Path costs = Files.createTempFile("check-costs", ".json");
            try {
                lab.costs().write(costs);
                out.text(base + CheckCosts.FILE, Files.readString(costs), READABLE);
            } finally {
                Files.delete(costs);
            }
        }
        for (Path root : lab.sources()) {
            tree(out, root, base + "src/main/java/");
        }
        tree(out, lab.testClasses(), base + "test-classes/");
        List<String> classpath = entries(out, lab.classpath(), base, "lib");
        out.text(base + "classpath.txt", String.join(":", classpath) + "\n", READABLE);
        List<String> tools = wholeTools ? entries(out, toolsClasspath(), "", "tools") : thinTools(out, lab, classpath);
        out.text("tools/classpath.txt", String.join(":", tools) + "\n", READABLE);
    }

    /** Where a bundle's files go: a zip's entries or a folder's files. */
    private interface Sink {
        void copy(Path file, String name) throws IOException;

        void text(String name, String text, int mode) throws IOException;
    }

    private static Sink zip(ZipArchiveOutputStream out) {
        return new Sink() {
            @Override
            public void copy(Path file, String name) throws IOException {
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setUnixMode(READABLE);
                entry.setTime(0L);
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }

            @Override
            public void text(String name, String text, int mode) throws IOException {
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setUnixMode(mode);
                entry.setTime(0L);
                out.putArchiveEntry(entry);
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        };
    }

    private static Sink directory(Path dir) {
        return new Sink() {
            @Override
            public void copy(Path file, String name) throws IOException {
                Path target = Files.createDirectories(dir.resolve(name).getParent()).resolve(dir.resolve(name).getFileName());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
            }

            @Override
            public void text(String name, String text, int mode) throws IOException {
                Path target = Files.createDirectories(dir.resolve(name).getParent()).resolve(dir.resolve(name).getFileName());
                Files.writeString(target, text);
                if (mode == EXECUTABLE && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        };
    }

    /** Copies class path entries (jars and class folders) under {@code base + folder}; returns their names there. */
    private static List<String> entries(Sink out, List<Path> entries, String base, String folder)
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
                    out.copy(entry, base + name);
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
        node.put("leaderboard", lab.leaderboard());
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
        return template("gradescope/" + name);
    }

    /** A template of the grader's resources, by its path under this package's. */
    static String template(String path) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        try (var in = Bundle.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the grader jar lacks its " + name + " template");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void tree(Sink out, Path root, String prefix) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> files.put(
                    prefix + root.relativize(p).toString().replace(File.separatorChar, '/'), p));
        }
        for (Map.Entry<String, Path> file : files.entrySet()) {
            out.copy(file.getValue(), file.getKey());
        }
    }
}
