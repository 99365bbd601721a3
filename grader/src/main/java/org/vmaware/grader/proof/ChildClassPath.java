package org.vmaware.grader.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class path of a graded JVM, which runs student code, holds what the tests need (grader-runtime, grader-api,
 * grader-protocol, JUnit, the lab's libraries) and nothing of the grader's tools or their libraries: code under
 * test cannot call what is not there, and a test JVM starts faster without it.
 *
 * <pre>
 * toolsIn(["grader-runtime.jar", "junit-jupiter-api.jar"])   = []
 * toolsIn(["grader-runtime.jar", "picocli-4.7.7.jar"])       = ["picocli-4.7.7.jar (picocli/CommandLine.class)"]
 * </pre>
 */
final class ChildClassPath {

    /** One class of each thing that belongs to the tools: the grader's own, and each library only they use. */
    static final List<String> TOOL_CLASSES = List.of(
            "org/vmaware/grader/cli/GraderCli.class",
            "org/vmaware/grader/pipeline/Grading.class",
            "picocli/CommandLine.class",
            "org/apache/commons/compress/archivers/ArchiveEntry.class",
            "org/objectweb/asm/ClassReader.class");

    private ChildClassPath() {
    }

    /**
     * The entries (jars or class folders) that hold one of {@link #TOOL_CLASSES}, each with the class it holds.
     *
     * @param entries a class path, one entry each
     * @return "ENTRY (CLASS)" for each entry that holds a tool's class; empty if none does
     */
    static List<String> toolsIn(List<String> entries) throws IOException {
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            for (String cls : TOOL_CLASSES) {
                if (holds(path, cls)) {
                    found.add(entry + " (" + cls + ")");
                    break;
                }
            }
        }
        return found;
    }

    /** The entries that hold none of {@link #TOOL_CLASSES}: a class path fit for a graded JVM. */
    static List<String> withoutTools(List<String> entries) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String entry : entries) {
            if (toolsIn(List.of(entry)).isEmpty()) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static boolean holds(Path entry, String cls) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(cls));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.getEntry(cls) != null;
        } catch (java.util.zip.ZipException e) {
            return false; // not a jar: holds no class
        }
    }
}
