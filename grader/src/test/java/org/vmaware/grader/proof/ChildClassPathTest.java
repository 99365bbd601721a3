package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graded JVM's class path: a tool's class, in a folder or a jar, marks its entry; anything else passes. */
class ChildClassPathTest {

    @TempDir
    Path temp;

    @Test
    void findsToolsInFoldersAndJarsAndNothingElse() throws IOException {
        Path api = Files.createDirectories(temp.resolve("api/org/vmaware/grader"));
        Files.write(api.resolve("Graded.class"), new byte[] {1});
        Path cli = Files.createDirectories(temp.resolve("tools/org/vmaware/grader/cli"));
        Files.write(cli.resolve("GraderCli.class"), new byte[] {1});
        Path picocli = jar("picocli.jar", "picocli/CommandLine.class");
        Path junit = jar("junit.jar", "org/junit/jupiter/api/Test.class");
        Path notAJar = Files.writeString(temp.resolve("notes.jar"), "not a zip");
        List<String> path = List.of(temp.resolve("api").toString(), temp.resolve("tools").toString(), picocli.toString(),
                junit.toString(), notAJar.toString(), temp.resolve("missing.jar").toString());
        assertEquals(List.of(temp.resolve("tools") + " (org/vmaware/grader/cli/GraderCli.class)",
                picocli + " (picocli/CommandLine.class)"), ChildClassPath.toolsIn(path));
        assertEquals(List.of(temp.resolve("api").toString(), junit.toString(), notAJar.toString(),
                temp.resolve("missing.jar").toString()), ChildClassPath.withoutTools(path));
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(1);
            zip.closeEntry();
        }
        return jar;
    }
}
