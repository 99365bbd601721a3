package org.vmaware.grader.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;
import org.vmaware.grader.proof.CampaignRecord;
import org.vmaware.grader.proof.ProveEditions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code self-check [--repeat N] [LAB...]}: grades each lab's reference and pristine starter N times on this machine
 * and prints how often a verdict was wrong or inconclusive, how long verdicts took, and each timing check's
 * measured ratios with their margin to the threshold. Run it once on a new grading machine before a course.
 */
@Command(name = "self-check", mixinStandardHelpOptions = true,
        description = "Grade every lab's reference and pristine starter N times here: wrong and inconclusive verdict"
                + " rates, seconds per verdict, and each timing check's ratios against its threshold.")
final class SelfCheckCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Runs per lab (default 1)")
    int repeat;

    @Option(names = "--timing-only", description = "After the first run, grade only the timing checks (a campaign of"
            + " verdicts: scripts/verdict-campaign.sh)")
    boolean timingOnly;

    @Option(names = "--record", paramLabel = "FILE", description = "Append every run's timing verdicts to FILE, one"
            + " JSON line each")
    Path record;

    @Option(names = "--label", paramLabel = "WORD", defaultValue = "idle", description = "What the machine was doing,"
            + " for the record (default idle)")
    String label;

    @Parameters(paramLabel = "LAB", arity = "0..*", description = "The labs to check (default: all)")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw GradingException.usage("--repeat must be 1 or more, not " + repeat);
        }
        Labs labs = Labs.find(parent.labs);
        if (labs.bundle()) {
            throw GradingException.usage("self-check needs the repository (the reference solutions), not a grading"
                    + " bundle: --labs DIR");
        }
        List<String> names = only.isEmpty() ? labs.names() : only;
        List<ProveEditions.Figures> all = new ArrayList<>();
        for (String name : names) {
            LabHome lab = labs.lab(name);
            String classpath = lab.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            all.add(ProveEditions.selfCheck(labs.root().resolve(lab.name()), lab.jvmFlags(), classpath, repeat,
                    timingOnly, record == null ? null : new CampaignRecord(record, label)));
        }
        int verdicts = all.stream().mapToInt(ProveEditions.Figures::verdicts).sum();
        int wrong = all.stream().mapToInt(ProveEditions.Figures::wrong).sum();
        int inconclusive = all.stream().mapToInt(ProveEditions.Figures::inconclusive).sum();
        List<Double> seconds = new ArrayList<>();
        all.forEach(f -> seconds.addAll(f.timingSeconds()));
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "%n[self-check] %d lab(s), %d run(s) each, Java %s, %d CPU(s) seen%n",
                all.size(), repeat, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  wrong verdicts: %d of %d (%.2f%%); inconclusive: %d (%.2f%%)%n", wrong,
                verdicts, 100.0 * wrong / Math.max(1, verdicts), inconclusive, 100.0 * inconclusive / Math.max(1, verdicts));
        if (!seconds.isEmpty()) {
            System.out.printf(Locale.ROOT, "  seconds per timing verdict: median %.2f, p90 %.2f, max %.2f (%d timing verdicts)%n",
                    seconds.get(seconds.size() / 2), seconds.get((int) Math.ceil(0.9 * seconds.size()) - 1),
                    seconds.get(seconds.size() - 1), seconds.size());
        }
        for (ProveEditions.Figures f : all) {
            System.out.printf(Locale.ROOT, "  %-18s %s  wrong %d of %d, inconclusive %d, %.0f s%n", f.lab(),
                    f.status() == 0 ? "PROVEN    " : "NOT PROVEN", f.wrong(), f.verdicts(), f.inconclusive(), f.millis() / 1000.0);
        }
        return all.stream().allMatch(f -> f.status() == 0) ? 0 : 1;
    }
}
