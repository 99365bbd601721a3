package org.vmaware.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vmaware.grader.pipeline.Bundle;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gradescope LAB [--out FILE]}: the autograder zip to upload to a Gradescope programming assignment. */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
        description = "Build the Gradescope autograder zip of one lab (setup.sh, run_autograder, the lab's tests; no solution).")
final class GradescopeCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab, such as lab03-strings")
    String lab;

    @Option(names = "--out", paramLabel = "FILE", description = "The zip to write (default: LAB/target/LAB-autograder.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null && Files.isDirectory(out)) {
            throw GradingException.usage("--out " + out + " is a directory: name the zip file to write");
        }
        Labs labs = Labs.find(parent.labs);
        LabHome home = labs.lab(lab);
        Path zip = out != null ? out : labs.root().resolve(home.name()).resolve("target/" + home.name() + "-autograder.zip");
        Bundle.gradescope(home, zip);
        System.out.println("[gradescope] wrote " + zip.toAbsolutePath().normalize());
        System.out.println("[gradescope] upload it as the autograder of a programming assignment (Ubuntu base image);"
                + " students submit " + String.join(", ", home.studentFiles().stream()
                        .map(f -> f.substring(f.lastIndexOf('/') + 1)).toList())
                + " (loose, the lab's folder, or the whole repository).");
        return 0;
    }
}
