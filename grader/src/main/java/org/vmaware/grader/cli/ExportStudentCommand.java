package org.vmaware.grader.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-student", mixinStandardHelpOptions = true, description = "TODO")
final class ExportStudentCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("TODO");
    }
}
