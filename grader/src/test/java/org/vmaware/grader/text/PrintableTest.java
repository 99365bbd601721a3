package org.vmaware.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the code under test's text becomes before a report prints it. */
class PrintableTest {

    /** A carriage return, an ANSI erase-line, C1's next-line and control sequence introducer, a bidi override. */
    private static final String HOSTILE = "a\rb\u001b[2Kc\u0085d\u009be\u202Ef\u2028g";

    @Test
    void aLineKeepsNoControlOrFormatCharacter() {
        assertEquals("a?b?[2Kc?d?e?f?g", Printable.line(HOSTILE));
        assertEquals("one?two", Printable.line("one\ntwo"));
    }

    @Test
    void aCheckOutputKeepsItsLinesAndTabsOnly() {
        assertEquals("expected: 3\n\tbut was: 4?", Printable.text("expected: 3\n\tbut was: 4\r"));
        assertEquals("a?b?[2Kc?d?e?f?g", Printable.text(HOSTILE));
    }

    @Test
    void aCheckOutputIsCut() {
        String cut = Printable.text("x".repeat(40_000_000));
        assertTrue(cut.length() < Printable.OUTPUT_MAX + 100, () -> cut.length() + " characters");
        assertTrue(cut.endsWith("... (39,984,000 more characters cut)"), () -> cut.substring(Printable.OUTPUT_MAX));
    }
}
