package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.vmaware.grader.pipeline.LabHome;

/**
 * Each lab's hints ({@code LAB/src/test/resources/hints.properties}, {@link Hints}) teach without handing over the
 * reference's code:
 *
 * <ul>
 * <li>each check with a hint has all three levels and is a check of the lab, and each check that looks one up
 * ({@code Hints.forCheck("2b")}) has one; no test passes a hint as a literal;</li>
 * <li>at {@code idea}, a hint names no identifier of a reference method body that the starter does not show, in its
 * code or its comments (the starter's Javadoc is the task statement), and cites a passage of the README that is
 * there ({@code "What C2 cannot do for you" in the README}); the words it quotes from the README are the
 * handout's;</li>
 * <li>at {@code idea} and {@code api}, a hint holds no run of {@value #RUN} tokens of a reference method body that
 * no method body of the starter has.</li>
 * </ul>
 */
class HintLeakTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** The shortest run of a reference method body's tokens that counts as quoting its code. */
    static final int RUN = 4;
    private static final Pattern CHECK_ID = Pattern.compile("@DisplayName\\(\"([0-9]+[a-z])\\s");
    private static final Pattern LOOKUP = Pattern.compile("Hints\\.forCheck\\(\"([^\"]*)\"\\)");
    private static final Pattern README_CITATION = Pattern.compile("\"([^\"]+)\" in the README");

    @Test
    void everyCheckWithAHintHasEachLevelAndEveryLookupAnEntry() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Lab lab : labs()) {
            Set<String> checks = new TreeSet<>();
            for (String key : lab.hints.stringPropertyNames()) {
                int dot = key.lastIndexOf('.');
                String level = key.substring(dot + 1);
                if (dot < 0 || Stream.of(Hints.Level.values()).noneMatch(l -> l.key().equals(level))) {
                    problems.add(lab.name + ": " + key + " is not CHECK.idea, CHECK.api or CHECK.answer");
                } else {
                    checks.add(key.substring(0, dot));
                }
            }
            for (String check : checks) {
                for (Hints.Level level : Hints.Level.values()) {
                    if (lab.hints.getProperty(check + "." + level.key(), "").isBlank()) {
                        problems.add(lab.name + ": " + check + " has no " + level.key() + " hint");
                    }
                }
                if (!lab.checkIds.contains(check)) {
                    problems.add(lab.name + ": hints for " + check + ", which no @DisplayName of the lab starts with");
                }
            }
            for (String lookup : lab.lookups) {
                if (!checks.contains(lookup)) {
                    problems.add(lab.name + ": a test looks up the hint of " + lookup + ", which " + Hints.RESOURCE
                            + " does not have");
                }
            }
            if (lab.tests.contains(".hint(\"")) {
                problems.add(lab.name + ": a test passes a hint as a literal: put it in " + Hints.RESOURCE);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void ideaHintsNameNoIdentifierOnlyTheAnswerShowsAndCiteTheReadme() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Lab lab : labs()) {
            for (String key : lab.keysAt(Hints.Level.IDEA)) {
                String hint = lab.hints.getProperty(key);
                problems.addAll(lab.answerIdentifiers(hint).stream()
                        .map(word -> lab.name + ": " + key + " names " + word + ", which only the reference shows")
                        .collect(Collectors.toList()));
                if (!README_CITATION.matcher(hint).find()) {
                    problems.add(lab.name + ": " + key + " cites no passage of the README (\"...\" in the README)");
                }
            }
            for (String key : lab.hints.stringPropertyNames()) {
                Matcher citation = README_CITATION.matcher(lab.hints.getProperty(key));
                while (citation.find()) {
                    if (!lab.readme.contains(citation.group(1))) {
                        problems.add(lab.name + ": " + key + " cites \"" + citation.group(1) + "\", which its README"
                                + " does not say");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void ideaAndApiHintsQuoteNoCodeOfTheAnswer() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Lab lab : labs()) {
            for (Hints.Level level : List.of(Hints.Level.IDEA, Hints.Level.API)) {
                for (String key : lab.keysAt(level)) {
                    lab.answerRuns(lab.hints.getProperty(key)).forEach(run -> problems.add(lab.name + ": " + key
                            + " quotes the reference's code: " + run));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The rules would have caught the answers the hints once gave on a first run. */
    @Test
    void theRulesCatchTheAnswersTheHintsOnceGave() throws IOException {
        Lab lab01 = Lab.read(REPOSITORY.resolve("lab01-loops"));
        Lab lab03 = Lab.read(REPOSITORY.resolve("lab03-strings"));
        for (String answer : List.of("String.join(\"\", pieces)", "piece.repeat(times)",
                "one String.format call: \"%s\".repeat(pieces.size()) as the format, pieces.toArray() as the"
                        + " arguments")) {
            assertFalse(lab03.answerRuns(answer).isEmpty(), answer);
        }
        assertTrue(lab03.answerIdentifiers("pieces.toArray() as the arguments").contains("toArray"));
        assertFalse(lab01.answerRuns("value & -(value >>> 7) is the value when it is at least 128").isEmpty());
        assertEquals(List.of(), lab01.answerRuns("the unsigned shift and the bitwise and"), "words are no code");
    }

    private static List<Lab> labs() throws IOException {
        List<Lab> labs = new ArrayList<>();
        for (String name : LabHome.labsIn(REPOSITORY)) {
            labs.add(Lab.read(REPOSITORY.resolve(name)));
        }
        assertTrue(labs.size() >= 4, "the grader's tests run from grader/, inside the repository: " + REPOSITORY);
        return labs;
    }

    /**
     * What the rules read of one lab.
     *
     * @param answerOnlyIdentifiers the identifiers of the reference's method bodies that the starter does not show,
     *                              lower-cased
     * @param answerOnlyRuns        the runs of {@link #RUN} tokens of the reference's method bodies that no method body
     *                              of the starter has
     * @param readme                the README as it reads, without Markdown's emphasis and code marks
     */
    private record Lab(String name, Properties hints, Set<String> checkIds, Set<String> lookups, String tests,
            Set<String> answerOnlyIdentifiers, Set<List<String>> answerOnlyRuns, String readme) {

        static Lab read(Path dir) throws IOException {
            Properties hints = new Properties();
            Path file = dir.resolve("src/test/resources/" + Hints.RESOURCE);
            if (Files.isRegularFile(file)) {
                hints.load(new StringReader(Files.readString(file)));
            }
            String tests = text(dir.resolve("src/test/java"));
            // what the starter shows: its code and its comments, and the given classes both editions compile
            Set<String> starterWords = JavaTokens.words(text(dir.resolve("src/main/java"))
                    + text(dir.resolve("src/given/java"))).stream().map(Lab::lower).collect(Collectors.toSet());
            List<List<String>> reference = bodies(dir.resolve("src/solution/java"));
            Set<String> answerIdentifiers = reference.stream().flatMap(List::stream).filter(JavaTokens::isIdentifier)
                    .map(Lab::lower).filter(w -> !starterWords.contains(w)).collect(Collectors.toSet());
            Set<List<String>> answerRuns = runs(reference);
            answerRuns.removeAll(runs(bodies(dir.resolve("src/main/java"))));
            String readme = Files.readString(dir.resolve("README.md")).replaceAll("[*`]", "");
            return new Lab(dir.getFileName().toString(), hints, matches(CHECK_ID, tests), matches(LOOKUP, tests),
                    tests, answerIdentifiers, answerRuns, readme);
        }

        List<String> keysAt(Hints.Level level) {
            return hints.stringPropertyNames().stream().filter(k -> k.endsWith("." + level.key())).sorted()
                    .collect(Collectors.toList());
        }

        /** The words of {@code hint}, outside its README citations, that name an identifier only the answer shows. */
        List<String> answerIdentifiers(String hint) {
            return JavaTokens.words(README_CITATION.matcher(hint).replaceAll("")).stream()
                    .filter(w -> answerOnlyIdentifiers.contains(lower(w))).distinct().collect(Collectors.toList());
        }

        /** The runs of {@code hint}'s tokens that a reference method body has and no starter method body. */
        List<String> answerRuns(String hint) {
            List<String> found = new ArrayList<>();
            for (List<String> run : runs(List.of(JavaTokens.of(hint)))) {
                if (answerOnlyRuns.contains(run)) {
                    found.add("[" + String.join(" ", run) + "]");
                }
            }
            return found;
        }

        private static Set<List<String>> runs(List<List<String>> bodies) {
            Set<List<String>> runs = new HashSet<>();
            for (List<String> body : bodies) {
                for (int i = 0; i + RUN <= body.size(); i++) {
                    runs.add(List.copyOf(body.subList(i, i + RUN)));
                }
            }
            return runs;
        }

        private static List<List<String>> bodies(Path root) throws IOException {
            List<List<String>> bodies = new ArrayList<>();
            for (Path file : javaFiles(root)) {
                bodies.addAll(JavaTokens.methodBodies(Files.readString(file)));
            }
            return bodies;
        }

        /** The Java files under {@code root} as one text, comments and all. */
        private static String text(Path root) throws IOException {
            StringBuilder text = new StringBuilder();
            for (Path file : javaFiles(root)) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        }

        private static List<Path> javaFiles(Path root) throws IOException {
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            }
        }

        private static Set<String> matches(Pattern pattern, String text) {
            Set<String> found = new TreeSet<>();
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        }

        private static String lower(String word) {
            return word.toLowerCase(Locale.ROOT);
        }
    }
}
