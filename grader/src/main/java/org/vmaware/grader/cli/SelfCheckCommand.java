package org.vmaware.grader.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "self-check", mixinStandardHelpOptions = true, description = "TODO")
final class SelfCheckCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("TODO");
    }
}
