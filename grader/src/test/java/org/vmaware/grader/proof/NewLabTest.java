package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.NewLab;

/**
 * {@code grader new-lab} in a copy of the repository's build files: what it writes and what it refuses. That the lab
 * it writes builds and is proven is end-to-end's NewLabBuildTest, which builds it with Maven after every lab.
 */
class NewLabTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z]+@");

    @TempDir
    Path root;

    @Test
    void writesAWholeLabAndItsModuleLine() throws IOException, GradingException {
        copyBuildFiles();
        List<Path> written = NewLab.create(root, "lab07-joining");
        Path lab = root.resolve("lab07-joining");
        String modules = Files.readString(root.resolve("pom.xml"));
        assertTrue(modules.contains("    <module>lab04-gil</module>\n    <module>lab07-joining</module>\n"), "after the last lab");
        assertTrue(Files.readAllLines(lab.resolve("pom.xml")).size() <= 20, "a lab's pom is short");
        for (Path file : written) {
            String text = Files.readString(root.resolve(file));
            assertTrue(!PLACEHOLDER.matcher(text).find(), () -> file + " keeps a placeholder");
        }
        assertTrue(Files.isRegularFile(lab.resolve("src/main/java/org/vmaware/lab07/Joining.java")));
    }

    @Test
    void refusesABadNameATakenNumberAndAFolderThatIsNotTheRepository() throws IOException, GradingException {
        assertTrue(assertThrows(GradingException.class, () -> NewLab.create(root, "lab07-joining")).getMessage()
                .contains("is not this repository's root"));
        copyBuildFiles();
        for (String bad : List.of("lab7-joining", "lab07", "lab07-Joining", "../lab07-x")) {
            assertTrue(assertThrows(GradingException.class, () -> NewLab.create(root, bad)).getMessage()
                    .contains("a lab's name is labNN-topic"), bad);
        }
        NewLab.create(root, "lab07-joining");
        String pom = Files.readString(root.resolve("pom.xml"));
        assertTrue(assertThrows(GradingException.class, () -> NewLab.create(root, "lab07-other")).getMessage()
                .contains("lab07-joining exists: lab 07 is taken"));
        assertEquals(pom, Files.readString(root.resolve("pom.xml")), "nothing was written");
    }

    private void copyBuildFiles() throws IOException {
        Files.copy(REPOSITORY.resolve("pom.xml"), root.resolve("pom.xml"));
        Files.createDirectories(root.resolve("lab-parent"));
        Files.copy(REPOSITORY.resolve("lab-parent/pom.xml"), root.resolve("lab-parent/pom.xml"));
    }
}
