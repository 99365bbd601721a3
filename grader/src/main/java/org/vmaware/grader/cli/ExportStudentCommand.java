package org.vmaware.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.StudentEdition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export-student DIR [--grading-url URL]}: the student edition and its GitHub Actions workflow. */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        description = "Write the student edition (no solutions; a README per lab; a GitHub Actions workflow) to DIR,"
                + " and the grading archive its workflow fetches to DIR-grading.tar.gz.")
final class ExportStudentCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "A new, empty directory")
    Path dir;

    @Option(names = "--grading-url", paramLabel = "URL",
            description = "Where the workflow fetches the grading archive (for example a release asset of your course's repository)")
    String gradingUrl;

    @Override
    public Integer call() throws Exception {
        Labs labs = Labs.find(parent.labs);
        if (labs.bundle()) {
            throw GradingException.usage("export-student needs the repository, not a grading bundle: --labs DIR");
        }
        StudentEdition.Exported exported = StudentEdition.export(labs.root(), labs.names(),
                dir.toAbsolutePath().normalize(), gradingUrl);
        System.out.println("[export] the student edition: " + exported.dir());
        System.out.println("[export] the grading archive: " + exported.archive() + " (sha256 " + exported.sha256() + ")");
        if (gradingUrl == null) {
            System.out.println("[export] next: upload the archive where the workflow can fetch it, then export again"
                    + " with --grading-url URL (the archive's checksum is the same, since it does not hold the workflow)");
        }
        return 0;
    }
}
