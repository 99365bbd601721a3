package org.vmaware.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line grader: grade a submission, build a Gradescope or Classroom 50 autograder, export the student
 * edition, and check a grading machine.
 *
 * <pre>
 * java -jar grader/target/grader-cli.jar grade lab03-strings --submission DIR --out DIR
 * java -jar grader/target/grader-cli.jar grade-batch lab03-strings SUBMISSIONS --out DIR --shard 1/3
 * java -jar grader/target/grader-cli.jar merge --out DIR SHARD_DIR...
 * java -jar grader/target/grader-cli.jar gradescope lab03-strings
 * java -jar grader/target/grader-cli.jar export-classroom50 lab03-strings --classroom cs-java
 * java -jar grader/target/grader-cli.jar export-student ../student-edition
 * java -jar grader/target/grader-cli.jar self-check --repeat 10
 * </pre>
 *
 * <p>Exit status: 0 done (a grade was written, whatever the score), 1 a check of the grader itself failed
 * (self-check), 2 a usage error (a wrong argument, an unknown lab, a missing directory).</p>
 */
@Command(name = "grader", mixinStandardHelpOptions = true, version = "VM-Aware Java Labs grader 1.0",
        description = "Grades the VM-Aware Java Labs in isolation, for students, Gradescope, Classroom 50 and a"
                + " course's own batch regrades.",
        subcommands = {GradeCommand.class, GradeBatchCommand.class, MergeCommand.class, GradescopeCommand.class, ExportClassroom50Command.class,
                ExportStudentCommand.class, SelfCheckCommand.class, NewLabCommand.class})
public final class GraderCli implements Runnable {

    @Option(names = "--labs", paramLabel = "DIR",
            description = "The repository or grading bundle that holds the labs (default: found from the grader's location)")
    Path labs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns its exit status (for tests, which must not call System.exit). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new GraderCli());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.vmaware.grader.pipeline.GradingException) {
                cmd.getErr().println("grader: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("grader: " + e);
            return 1;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: grade, grade-batch, merge,"
                + " gradescope, export-classroom50, export-student, self-check or new-lab");
    }
}
