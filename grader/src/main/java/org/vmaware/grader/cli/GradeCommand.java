package org.vmaware.grader.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vmaware.grader.pipeline.Grading;
import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;
import org.vmaware.grader.pipeline.PreviousSubmission;
import org.vmaware.grader.profile.Profile;
import org.vmaware.grader.report.Verdicts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code grade LAB [--submission DIR] [--out DIR]}: grades one submission in child JVMs and writes every report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a submission of one lab: results.json (Gradescope), junit.xml, summary.md, report.html.")
final class GradeCommand implements Callable<Integer> {

    @ParentCommand
    GraderCli parent;

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab, such as lab03-strings")
    String lab;

    @Option(names = "--submission", paramLabel = "DIR",
            description = "The submission: a whole repository, the lab's folder or loose files (default: the lab's own starter)")
    Path submission;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: LAB/target/grade-report, or ./grade-report)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "The input seed: fresh for each run unless given (to re-run a disputed grade)")
    Long seed;

    @Mixin
    GradingOptions grading;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "Gradescope's submission_metadata.json: the output says how the score moved since the previous submission")
    Path previous;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the JUnit XML to FILE, for graders that read it (CodeGrade: $CG_JUNIT_XML_LOCATION)")
    Path junitXml;

    @Option(names = "--classroom50-result", paramLabel = "FILE",
            description = "Also write Classroom 50's result.json (points x 4) to FILE, and release-body.md beside it,"
                    + " from the runner's environment (what export-classroom50's autograder.py asks for)")
    Path classroom50Result;

    @Option(names = "--explain", paramLabel = "CHECK", split = ",",
            description = "Also profile these checks (their label such as 2a, an observation by its method, or all)"
                    + " whatever their outcome; every"
                    + " failed timing check is profiled anyway (docs/profiles.md)")
    List<String> explain = new ArrayList<>();

    @Option(names = "--no-profiles", description = "Profile no check, not even the failed timing checks")
    boolean noProfiles;

    /** For the grader's own tests: grade with the class-file policy off, to show what the sandbox alone holds. */
    @Option(names = "--policy", paramLabel = "on|off", defaultValue = "on", hidden = true)
    String policy;

    @Override
    public Integer call() throws Exception {
        if (!policy.equals("on") && !policy.equals("off")) {
            throw GradingException.usage("--policy must be 'on' or 'off', not '" + policy + "'");
        }
        for (String check : explain) {
            if (!check.matches("all|[0-9]+[a-z]|([A-Za-z0-9_.$]+#)?[A-Za-z_$][A-Za-z0-9_$]*")) {
                throw GradingException.usage("--explain takes a check's label (such as 2a), its id"
                        + " (Class#method), an observation's method (generatorCostPerValue) or all, not '" + check
                        + "'");
            }
        }
        if (noProfiles && !explain.isEmpty()) {
            throw GradingException.usage("--explain asks for profiles that --no-profiles turns off: give one of them");
        }
        grading.validate();
        if (submission != null && !Files.isDirectory(submission)) {
            throw GradingException.usage("--submission " + submission + " is not a directory");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw GradingException.usage("--out " + out + " is a file: name a directory for the reports");
        }
        Labs labs = Labs.find(parent.labs);
        LabHome home = grading.limit(labs.lab(lab));
        Path target = out != null ? out
                : labs.bundle() ? Path.of("grade-report") : labs.root().resolve(home.name()).resolve("target/grade-report");
        if (out == null && Files.isDirectory(target)) {
            // the default folder is the grader's own: keep it private, as the sandbox requires
            Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        PrintStream log = System.out;
        log.printf(Locale.ROOT, "[grade] %s: %s%n", home.name(), submission == null ? "the lab's own starter"
                : submission.toAbsolutePath().normalize());
        ObjectNode results = Grading.grade(home, submission == null ? null : submission.toAbsolutePath().normalize(),
                target.toAbsolutePath().normalize(), seed, grading.mode, log, policy.equals("off"),
                noProfiles ? null : Set.copyOf(explain));
        if (previous != null) {
            String moved = PreviousSubmission.movement(previous, results);
            if (!moved.isEmpty()) {
                results.put("output", results.path("output").asText() + "\n" + moved);
                org.vmaware.grader.report.ResultsJson.replace(target, results);
            }
        }
        print(results, log);
        if (junitXml != null) {
            Files.createDirectories(junitXml.toAbsolutePath().getParent());
            Files.copy(target.resolve("junit.xml"), junitXml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log.println("[grade] JUnit XML: " + junitXml.toAbsolutePath().normalize());
        }
        if (classroom50Result != null) {
            Classroom50Output.write(results, target.resolve("summary.md"), classroom50Result.toAbsolutePath());
            log.println("[grade] Classroom 50: " + classroom50Result.toAbsolutePath().normalize());
        }
        log.println("[grade] reports: " + target.toAbsolutePath().normalize()
                + "/{results.json,junit.xml,summary.md,report.html,test-output.txt}");
        return 0;
    }

    private static void print(JsonNode results, PrintStream out) {
        for (JsonNode t : results.path("tests")) {
            String outcome = Verdicts.of(t).verdict();
            out.printf(Locale.ROOT, "  %-5s %-62.62s %5s/%-3s %s%n", t.path("number").asText(), t.path("name").asText(),
                    fmt(t.path("score").asDouble()), fmt(t.path("max_score").asDouble()), outcome);
            JsonNode profile = t.path("extra_data").path("profile");
            if (!profile.isMissingNode()) {
                // under the check's row: what the JVM did with the code (at most five lines)
                Profile.fromJson(profile).consoleLines().forEach(line -> out.println("        " + line));
            }
        }
        out.printf(Locale.ROOT, "  score: %s of %s%n", fmt(results.path("score").asDouble()),
                fmt(results.path("extra_data").path("max_score").asDouble()));
        out.println(results.path("output").asText().indent(2).stripTrailing());
    }

    private static String fmt(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.2f", points);
    }
}
