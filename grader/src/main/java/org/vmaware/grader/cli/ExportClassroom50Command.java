package org.vmaware.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.pipeline.Bundle;
import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export-classroom50 LAB --classroom NAME [--assignment SLUG] [--out DIR]}: Classroom 50's autograder bundle
 * of one lab, laid out as the teacher's {@code classroom50} repository holds it, and the assignment's runtime block.
 *
 * <pre>
 * DIR/CLASSROOM/autograders/ASSIGNMENT/autograder.py   the runner starts it in the student's checkout
 * DIR/CLASSROOM/autograders/ASSIGNMENT/labs, tools     the grader and its own copy of the lab (no solution)
 * DIR/ASSIGNMENT-runtime.json                          {"runs-on": "ubuntu-latest", "java": "17"}
 * </pre>
 */
@Command(name = "export-classroom50", mixinStandardHelpOptions = true,
        description = "Write Classroom 50's autograder bundle of one lab (autograder.py, the grader, the lab's tests;"
                + " no solution) and the assignment's runtime block.")
final class ExportClassroom50Command implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab, such as lab03-strings")
    String lab;

    @Option(names = "--classroom", paramLabel = "NAME", required = true,
            description = "The classroom's short name in Classroom 50")
    String classroom;

    @Option(names = "--assignment", paramLabel = "SLUG", description = "The assignment's slug (default: the lab's name)")
    String assignment;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write: your classroom50 repository's checkout (default: LAB/target/classroom50)")
    Path out;

    @Override
    public Integer call() throws Exception {
        String slug = assignment != null ? assignment : lab;
        for (String name : new String[] {classroom, slug}) {
            // Classroom 50's short names: lowercase letters, digits and hyphens
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                throw GradingException.usage("'" + name + "' is not a Classroom 50 short name (a-z, 0-9 and -)");
            }
        }
        Labs labs = Labs.find(parent.labs);
        LabHome home = labs.lab(lab);
        Path root = out != null ? out : labs.root().resolve(home.name()).resolve("target/classroom50");
        Path dir = root.resolve(classroom).resolve("autograders").resolve(slug);
        if (Files.exists(dir)) {
            Grading.deleteTree(dir);
        }
        Bundle.classroom50(home, dir);
        ObjectNode runtime = new ObjectMapper().createObjectNode();
        runtime.put("runs-on", "ubuntu-latest");
        runtime.put("java", String.valueOf(Math.max(17, home.release())));
        Path runtimeFile = root.resolve(slug + "-runtime.json");
        Files.writeString(runtimeFile, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(runtime)
                + "\n");
        System.out.println("[export-classroom50] wrote " + dir.toAbsolutePath().normalize());
        System.out.println("[export-classroom50] wrote " + runtimeFile.toAbsolutePath().normalize());
        System.out.println("[export-classroom50] commit the folder to your classroom50 repository, then:"
                + " gh teacher assignment add ORG " + classroom + " " + slug + " --runtime " + runtimeFile.getFileName()
                + " ...; the score it publishes is points x 4, self-reported: grade the submit/* tags with"
                + " grade-batch for the grade of record");
        return 0;
    }
}
