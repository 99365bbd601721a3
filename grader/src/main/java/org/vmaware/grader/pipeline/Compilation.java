package org.vmaware.grader.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a lab's given sources with a submission's student files in their place, into a fresh directory.
 * javac runs in the grading process with annotation processing off, so compiling runs none of the submission's
 * code.
 */
public final class Compilation {

    /** Diagnostics kept for the report; javac's are long for a badly broken file. */
    private static final int MAX_DIAGNOSTICS_CHARS = 8_000;

    private Compilation() {
    }

    /**
     * The outcome.
     *
     * @param classes    the compiled classes (given and student), if it compiled
     * @param errors     javac's diagnostics, empty if it compiled
     * @param given      the given (non-student) source files, relative paths
     */
    record Result(Path classes, String errors, List<String> given) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    static Result compile(LabHome lab, Map<String, Path> studentFiles, Path work) throws IOException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        List<String> given = new ArrayList<>();
        for (Path root : lab.sources()) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                    String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
                    Path target = sources.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Path from = studentFiles.getOrDefault(relative, file);
                    Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
                    if (!lab.studentFiles().contains(relative)) {
                        given.add(relative);
                    }
                }
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        String classpath = lab.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String errors = javac(files, classes, classpath, lab.release(), "-Xmaxerrs", "30");
        boolean ok = errors.isEmpty();
        String text = errors.replace(sources.toString() + File.separator, "");
        if (text.length() > MAX_DIAGNOSTICS_CHARS) {
            text = text.substring(0, MAX_DIAGNOSTICS_CHARS) + "\n... (" + (text.length() - MAX_DIAGNOSTICS_CHARS)
                    + " more characters)";
        }
        return new Result(classes, ok ? "" : text, given);
    }

    /**
     * Compiles {@code files} for Java {@code release} (the lab's, from the build) into {@code classes}, with annotation processing off (so no code of the
     * sources runs) and warnings off (they are the author's business, not the grader's).
     *
     * @return javac's diagnostics if it failed, else an empty string
     */
    public static String javac(List<Path> files, Path classes, String classpath, int release, String... moreOptions) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("no Java compiler in " + System.getProperty("java.home")
                    + ": run the grader with a JDK, not a JRE");
        }
        Files.createDirectories(classes);
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            List<String> options = new ArrayList<>(List.of("--release", String.valueOf(release), "-encoding", "UTF-8", "-proc:none",
                    "-nowarn", "-d", classes.toString(), "-cp", classpath));
            options.addAll(List.of(moreOptions));
            if (compiler.getTask(errors, fileManager, null, options, null, units).call()) {
                return "";
            }
        }
        String text = errors.toString();
        return text.isBlank() ? "javac failed without a message" : text;
    }
}
