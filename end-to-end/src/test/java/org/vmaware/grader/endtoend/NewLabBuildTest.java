package org.vmaware.grader.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnJre;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.NewLab;

/**
 * {@code grader new-lab}, as an instructor uses it: in a copy of the repository, it writes a lab, and the build of
 * that lab alone ({@code ./mvnw -o -pl labNN -am verify}, offline, the grader's own tests left out) compiles it,
 * runs its checks and proves it: the reference earns full marks and the starter is caught.
 *
 * <p>JDK 17 only: the build on JDK 25 compiles the same templates, and one proof of them is enough.</p>
 */
class NewLabBuildTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String LAB = "lab07-joining";
    private static final Set<String> SKIPPED = Set.of("target", ".git", "campaign");

    @TempDir
    Path copy;

    @Test
    @EnabledOnJre(JRE.JAVA_17)
    void theNewLabAloneBuildsOfflineAndIsProven() throws IOException, GradingException, InterruptedException {
        copyRepository();
        NewLab.create(copy, LAB);

        Path log = copy.resolve("build.log");
        ProcessBuilder build = new ProcessBuilder(copy.resolve("mvnw").toString(), "-o", "-B", "-ntp", "-pl", LAB,
                "-am", "verify", "-Dtest=org.vmaware.lab07.**", "-Dsurefire.failIfNoSpecifiedTests=false")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = build.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), () -> "the new lab's build failed:\n" + tail(output));
        assertTrue(output.contains("1c joinNumbers allocates a tenth of +='s bytes"), () -> "no score table:\n" + tail(output));
        assertTrue(output.contains("PROVEN: the reference earns 4"), () -> tail(output));
        assertTrue(!output.contains("Running org.vmaware.grader."), () -> "the grader's own tests ran:\n" + tail(output));
    }

    /** The repository as a clone has it, without build output, Git's own files and the campaign's record. */
    private void copyRepository() throws IOException {
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(REPOSITORY.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, copy.resolve(REPOSITORY.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
