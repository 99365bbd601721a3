package org.vmaware.grader.proof;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a lab's graded tests in this JVM with the JUnit Platform launcher: the child side of the proof (and of any
 * grading that must not run inside Maven). The settings come as {@code -Dgrade.*} system properties; the results
 * go to {@code grade.reportDir/results.json} and the score table to stdout.
 *
 * <pre>
 * java -cp EDITION:TEST_CLASSES:DEPS org.vmaware.grader.proof.GradedRun --tests TEST_CLASSES [--only CLASS#METHOD,...]
 * </pre>
 */
public final class GradedRun {

    private GradedRun() {
    }

    public static void main(String[] args) {
        Path tests = null;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tests") && i + 1 < args.length) {
                tests = Path.of(args[++i]);
            } else if (args[i].equals("--only") && i + 1 < args.length) {
                only.addAll(List.of(args[++i].split(",")));
            } else {
                usage("unknown argument: " + args[i]);
            }
        }
        if (tests == null || !Files.isDirectory(tests)) {
            usage("--tests must name the directory of compiled test classes" + (tests == null ? "" : ": " + tests));
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (only.isEmpty()) {
            selectors.addAll(selectClasspathRoots(Set.of(tests)));
        } else {
            only.forEach(id -> selectors.add(selectMethod(id)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(TagFilter.includeTags("graded", "observation")).build();
        LauncherFactory.create().execute(request);
        System.exit(0);
    }

    private static void usage(String problem) {
        System.err.println("GradedRun: " + problem);
        System.err.println("usage: GradedRun --tests TEST_CLASSES_DIR [--only CLASS#METHOD,...]");
        System.exit(2);
    }
}
