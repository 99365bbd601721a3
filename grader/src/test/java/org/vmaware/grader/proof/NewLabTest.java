package org.vmaware.grader.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
 * {@code grader new-lab} in a copy of the repository's build files: the lab it writes compiles as a lab does (its
 * starter, its tests, its benchmark) and the proof proves it as it is, reference full marks and starter caught.
 */
class NewLabTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z]+@");

    @TempDir
    Path root;

    @Test
    void writesALabThatTheProofProves() throws IOException, GradingException {
        copyBuildFiles();
        List<Path> written = NewLab.create(root, "lab07-joining");
        Path lab = root.resolve("lab07-joining");
        assertTrue(Files.readString(root.resolve("pom.xml")).contains("    <module>lab07-joining</module>\n  </modules>"));
        assertTrue(Files.readAllLines(lab.resolve("pom.xml")).size() <= 20, "a lab's pom is short");
        for (Path file : written) {
            String text = Files.readString(root.resolve(file));
            assertTrue(!PLACEHOLDER.matcher(text).find(), () -> file + " keeps a placeholder");
        }
        assertTrue(Files.isRegularFile(lab.resolve("src/main/java/org/vmaware/lab07/Joining.java")));

        String path = ProveEditionsTest.GRADED_CLASS_PATH;
        ProveEditionsTest.compile(lab.resolve("src/main/java"), lab.resolve("target/classes"), path);
        String withStarter = lab.resolve("target/classes") + File.pathSeparator + path;
        ProveEditionsTest.compile(lab.resolve("src/test/java"), lab.resolve("target/test-classes"), withStarter);
        String withJmh = withStarter + File.pathSeparator + System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        ProveEditionsTest.compile(lab.resolve("src/jmh/java"), root.resolve("jmh-classes"), withJmh);

        ProveEditionsTest.Proof proof = ProveEditionsTest.prove("--lab-dir=" + lab,
                "--jvm-flags=-Xms256m -Xmx256m -XX:+UseSerialGC", "--classpath=" + path);
        assertEquals(0, proof.status, proof.output);
        assertTrue(proof.output.contains("PROVEN: the reference earns 4.0 of 4.0 points")
                || proof.output.contains("PROVEN: the reference earns 4 of 4 points"), proof.output);
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
