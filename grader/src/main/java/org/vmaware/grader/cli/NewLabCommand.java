package org.vmaware.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.NewLab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code new-lab labNN-topic}: a small, working lab in the one shape every lab has, and its module line. */
@Command(name = "new-lab", mixinStandardHelpOptions = true,
        description = "Write a new lab, labNN-topic, that the build proves as it is (a starter and a reference, one"
                + " correctness, one timing and one allocation check, a benchmark, its README), and add it to the"
                + " root pom.xml's modules.")
final class NewLabCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "labNN-topic", description = "The new lab's name, such as lab05-joining")
    String name;

    @Override
    public Integer call() throws Exception {
        Labs labs = Labs.find(parent.labs);
        if (labs.bundle()) {
            throw GradingException.usage("new-lab needs the repository, not a grading bundle: --labs DIR");
        }
        List<Path> written = NewLab.create(labs.root(), name);
        written.forEach(file -> System.out.println("[new-lab] wrote " + file));
        System.out.println("[new-lab] next: ./mvnw -pl " + name + " -am verify   (proves it: the reference earns every"
                + " point, the starter none of the performance points); then replace its lesson with yours");
        return 0;
    }
}
