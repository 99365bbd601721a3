package org.vmaware.grader.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnJre;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;
import org.vmaware.grader.pipeline.StudentEdition;

/**
 * A student's session, scripted: the student edition is exported, and its lab03 is graded with the commands its
 * README gives ({@code ./mvnw -pl lab03-strings -am test}, and with {@code -Dgrade.mode=correctness}), offline. The
 * starter scores what the proof says it scores; with the reference's {@code CopyArithmetic} (task 4, deterministic)
 * the score rises by exactly task 4's points; an endless loop in one method costs that check its limit, says the
 * line, and the run still ends with the whole table, once. A missed check shows its hint at the one level the
 * edition keeps.
 *
 * <p>JDK 17 only, like {@link NewLabBuildTest}.</p>
 */
class StudentSessionTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String LAB = "lab03-strings";
    private static final String PACKAGE = "lab03-strings/src/main/java/org/vmaware/lab03/";
    private static final Pattern SCORE = Pattern.compile("lab03-strings · student edition · ([^·]+) · score (\\S+) / (\\S+)");
    private static final double TASK_4_POINTS = 2;
    /** The handout's command that grades the lab. */
    private static final String GRADE = "./mvnw -pl " + LAB + " -am test";
    /** The handout's quick command: no timing checks. */
    private static final String QUICK = GRADE + " -Dgrade.mode=correctness";

    @TempDir
    Path out;

    @Test
    @EnabledOnJre(JRE.JAVA_17)
    void aStudentGradesFixesAndLoops() throws IOException, GradingException, InterruptedException {
        Path edition = out.resolve("edition");
        StudentEdition.export(REPOSITORY, List.of(LAB), edition, null);
        List<String> handout = Files.readAllLines(edition.resolve(LAB + "/README.md"));
        for (String command : List.of(GRADE, QUICK)) {
            // what this session runs is what the handout tells a student to run
            assertTrue(handout.stream().anyMatch(line -> line.startsWith(command + " ")), () -> LAB
                    + "'s README gives " + command);
        }

        String starter = grade(edition, GRADE);
        assertEquals(1, count(starter, SCORE), () -> "one score table:\n" + tail(starter));
        double before = score(starter);
        assertEquals(7, before, () -> tail(starter));
        assertTrue(starter.contains("BUILD FAILURE"), "a check short of full marks fails the build");
        Properties hints = new Properties();
        hints.load(new StringReader(Files.readString(edition.resolve(LAB + "/src/test/resources/hints.properties"))));
        assertTrue(starter.contains("hint: " + hints.getProperty("2a.idea")), () -> "2a's hint, at the edition's"
                + " level:\n" + tail(starter));

        Files.copy(REPOSITORY.resolve(LAB + "/src/solution/java/org/vmaware/lab03/CopyArithmetic.java"),
                edition.resolve(PACKAGE + "CopyArithmetic.java"), StandardCopyOption.REPLACE_EXISTING);
        String fixed = grade(edition, GRADE);
        assertEquals(before + TASK_4_POINTS, score(fixed), () -> tail(fixed));

        Path file = edition.resolve(PACKAGE + "Concatenations.java");
        Files.writeString(file, Files.readString(file).replace("return plusLoop(pieces); // TODO task 2b",
                "int i = 0;\n        while (i < pieces.size()) {\n            i += 0;\n        }\n"
                        + "        return plusLoop(pieces); // TODO task 2b"));
        long start = System.nanoTime();
        String looping = grade(edition, QUICK);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, count(looping, SCORE), () -> "one score table:\n" + tail(looping));
        // the first of 1b, 2b and 3b to run (JUnit picks the order) times out and says where; the other two cost
        // nothing more
        assertEquals(1, count(looping, Pattern.compile("\\[TIMED OUT\\] [123]b presized StringBuilder")),
                () -> tail(looping));
        assertTrue(Pattern.compile("stopped after its \\d+ s limit in Concatenations.presizedStringBuilder"
                + " \\(Concatenations.java:\\d+\\)").matcher(looping).find(), () -> tail(looping));
        assertEquals(2, count(looping, Pattern.compile("\\[NOT RUN\\] [123]b presized StringBuilder[^\\n]*\\n\\s+not run:"
                + " presizedStringBuilder already ran past its limit in [123]b")), () -> tail(looping));
        assertTrue(seconds < 180, () -> "an endless loop is graded within 3 minutes, not " + seconds + " s");
    }

    /**
     * Each lab's starter grades in a full edition with its README's quick command: one score table, for that lab.
     * lab03 is left to the session above, which runs both its grading commands; the other commands of a README
     * differ from these by a task number or by the timing checks.
     */
    @Test
    @EnabledOnJre(JRE.JAVA_17)
    void everyLabGradesWithItsReadmesQuickCommand() throws IOException, GradingException, InterruptedException {
        Path edition = out.resolve("edition");
        List<String> labs = LabHome.labsIn(REPOSITORY);
        StudentEdition.export(REPOSITORY, labs, edition, null);
        for (String lab : labs) {
            if (lab.equals(LAB)) {
                continue;
            }
            String quick = "./mvnw -pl " + lab + " -am test -Dgrade.mode=correctness";
            List<String> handout = Files.readAllLines(edition.resolve(lab + "/README.md"));
            assertTrue(handout.stream().anyMatch(line -> line.startsWith(quick + " ")), () -> lab + "'s README gives "
                    + quick);
            String output = grade(edition, quick);
            Pattern table = Pattern.compile(Pattern.quote(lab) + " · student edition · correctness mode · score \\S+ / ");
            assertEquals(1, count(output, table), () -> lab + ": one score table:\n" + tail(output));
        }
    }

    /** One of the README's commands in the edition, offline and in batch mode: the whole output. */
    private static String grade(Path edition, String readmeCommand) throws IOException, InterruptedException {
        List<String> words = List.of(readmeCommand.split(" "));
        List<String> command = new java.util.ArrayList<>(List.of(edition.resolve("mvnw").toString(), "-o", "-B", "-ntp"));
        command.addAll(words.subList(1, words.size()));
        Path log = Files.createTempFile(edition.getParent(), "mvn", ".log");
        ProcessBuilder build = new ProcessBuilder(command).directory(edition.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = build.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return Files.readString(log);
    }

    private static double score(String output) {
        Matcher matcher = SCORE.matcher(output);
        assertTrue(matcher.find(), () -> "no score table:\n" + tail(output));
        return Double.parseDouble(matcher.group(2));
    }

    private static int count(String output, Pattern pattern) {
        Matcher matcher = pattern.matcher(output);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
