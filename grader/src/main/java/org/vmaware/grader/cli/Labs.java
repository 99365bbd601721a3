package org.vmaware.grader.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.vmaware.grader.pipeline.GradingException;
import org.vmaware.grader.pipeline.LabHome;

/**
 * Where the grader's own copies of the labs are: a repository checkout (after {@code ./mvnw package}) or a bundle
 * with a {@code labs/} folder (the Gradescope zip). Found from {@code --labs}, else from where the grader's classes
 * were loaded, else from the working directory and its parents.
 */
final class Labs {

    private final Path root;
    private final boolean bundle;

    private Labs(Path root, boolean bundle) {
        this.root = root;
        this.bundle = bundle;
    }

    static Labs find(Path explicit) throws GradingException {
        if (explicit != null) {
            Labs labs = at(explicit.toAbsolutePath().normalize());
            if (labs == null) {
                throw GradingException.usage("--labs " + explicit + " is neither this repository (a folder with"
                        + " grader/ and the labs) nor a grading bundle (a folder with labs/)");
            }
            return labs;
        }
        for (Path start : List.of(codeLocation(), Path.of("").toAbsolutePath())) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Labs labs = at(dir);
                if (labs != null) {
                    return labs;
                }
            }
        }
        throw GradingException.usage("cannot find the labs: run the grader inside the repository, or name it with"
                + " --labs DIR");
    }

    private static Labs at(Path dir) {
        if (Files.isDirectory(dir.resolve("labs")) && !Files.isDirectory(dir.resolve("grader"))) {
            return new Labs(dir, true);
        }
        if (Files.isRegularFile(dir.resolve("grader/pom.xml"))) {
            return new Labs(dir, false);
        }
        return null;
    }

    private static Path codeLocation() {
        try {
            return Path.of(Labs.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    Path root() {
        return root;
    }

    boolean bundle() {
        return bundle;
    }

    List<String> names() {
        if (!bundle) {
            return LabHome.labsIn(root);
        }
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    LabHome lab(String name) throws GradingException {
        String clean = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (!names().contains(clean)) {
            throw GradingException.usage("unknown lab '" + name + "': the labs are " + String.join(", ", names()));
        }
        return bundle ? LabHome.inBundle(root.resolve("labs").resolve(clean)) : LabHome.inRepository(root, clean);
    }
}
