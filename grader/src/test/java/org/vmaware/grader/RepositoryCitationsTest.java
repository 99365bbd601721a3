package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every file the repository cites is in it: each relative link of a Markdown file, each path to a document or a
 * script ({@code docs/...}, {@code scripts/...}) and each document named alone ({@code README.md}) in any text
 * file resolves to a file of this checkout. Evidence that lives elsewhere cannot be checked by a reader.
 */
class RepositoryCitationsTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".mvn", "node_modules");
    private static final Set<String> TEXT = Set.of("md", "java", "sh", "xml", "yml", "json", "txt");
    /** A Markdown link's target: [text](target), without a scheme or an anchor of its own page. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
    /** A document named by its file name alone, as a README is (README.md). */
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w./-])([A-Z][\\w-]*\\.md)\\b");
    /** A path from the repository's root to a document or a script. */
    private static final Pattern ROOT_PATH = Pattern.compile("(?<![\\w./-])((?:docs|scripts)/[\\w./-]*\\w\\.(?:md|sh|java))");

    @Test
    void everyCitedFileExists() throws IOException {
        assertTrue(Files.isRegularFile(REPOSITORY.resolve("pom.xml")) && Files.isDirectory(REPOSITORY.resolve("grader")),
                "the grader's tests run from grader/, inside the repository: " + REPOSITORY);
        List<String> missing = new ArrayList<>();
        List<Path> files = textFiles();
        Set<String> documents = files.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                .collect(Collectors.toSet());
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (MalformedInputException e) {
                continue; // not UTF-8 text
            }
            String name = REPOSITORY.relativize(file).toString();
            Matcher document = DOCUMENT.matcher(text);
            while (document.find()) {
                if (!documents.contains(document.group(1))) {
                    missing.add(name + " names " + document.group(1) + ", which no folder of the repository holds");
                }
            }
            if (name.endsWith(".md")) {
                Matcher link = LINK.matcher(text);
                while (link.find()) {
                    String target = link.group(1);
                    if (!target.contains(":") && !Files.exists(file.getParent().resolve(target).normalize())) {
                        missing.add(name + " links to " + target);
                    }
                }
            }
            Matcher path = ROOT_PATH.matcher(text);
            while (path.find()) {
                if (!Files.exists(REPOSITORY.resolve(path.group(1)))) {
                    missing.add(name + " names " + path.group(1));
                }
            }
        }
        assertEquals(List.of(), missing, "cited but not in the repository");
    }

    private static List<Path> textFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(REPOSITORY)) {
            return walk.filter(p -> {
                        for (Path part : REPOSITORY.relativize(p)) {
                            if (SKIPPED_DIRS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(Files::isRegularFile)
                    .filter(p -> TEXT.contains(extension(p)))
                    .filter(p -> !p.endsWith(Path.of("docs/campaign/verdicts.jsonl")))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
