package org.vmaware.grader.text;

/**
 * Text from a JVM that ran the code under test, made safe to print: the code's own exception messages and return
 * values reach a check's output, and with them any character a console acts on.
 *
 * <pre>
 * Printable.line("ok\r\u001b[2Kfaked")        = "ok??[2Kfaked"
 * Printable.text("expected: 3\nbut was: 4\r") = "expected: 3\nbut was: 4?"
 * </pre>
 */
public final class Printable {

    /** The most characters of one check's output a report keeps. */
    public static final int OUTPUT_MAX = 16_000;

    /**
     * C0 and C1 controls (U+0085 and U+009B included), format characters (U+202E reverses what follows), the line
     * and paragraph separators.
     */
    private static final String UNPRINTABLE = "[\\p{Cc}\\p{Cf}\\u2028\\u2029]";

    private Printable() {
    }

    /** One line: every control and format character, line breaks included, becomes {@code ?}. */
    public static String line(String text) {
        return text.replaceAll(UNPRINTABLE, "?");
    }

    /**
     * A check's output: its line breaks and tabs kept, every other control and format character made {@code ?},
     * and cut to {@value #OUTPUT_MAX} characters.
     */
    public static String text(String text) {
        String clean = text.replaceAll("[" + UNPRINTABLE + "&&[^\\n\\t]]", "?");
        return clean.length() <= OUTPUT_MAX ? clean : clean.substring(0, OUTPUT_MAX) + String.format(
                java.util.Locale.ROOT, "... (%,d more characters cut)", clean.length() - OUTPUT_MAX);
    }
}
