package org.vmaware.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A hint by check and level, and the messages for a level or an entry that is not there. */
class HintsTest {

    @Test
    void findsTheHintOfACheckAtALevel() {
        Properties hints = new Properties();
        hints.setProperty("2b.idea", " the concept ");
        hints.setProperty("2b.answer", "the code");
        assertEquals("the concept", Hints.forCheck(hints, "2b", Hints.Level.IDEA));
        assertEquals("the code", Hints.forCheck(hints, "2b", Hints.Level.ANSWER));
        assertEquals(Hints.Level.API, Hints.Level.parse(" API "));
        assertEquals("api", Hints.Level.API.key());
    }

    @Test
    void saysWhatIsMissingInsteadOfReturningNothing() {
        Properties hints = new Properties();
        hints.setProperty("2b.idea", "the concept");
        String missingLevel = assertThrows(IllegalStateException.class,
                () -> Hints.forCheck(hints, "2b", Hints.Level.ANSWER)).getMessage();
        assertTrue(missingLevel.contains("no hint for check 2b at level answer (key 2b.answer); it has idea"),
                missingLevel);
        String missingCheck = assertThrows(IllegalStateException.class,
                () -> Hints.forCheck(hints, "9z", Hints.Level.IDEA)).getMessage();
        assertEquals("hints.properties has no hint for check 9z at level idea (key 9z.idea)", missingCheck);
        String badLevel = assertThrows(IllegalArgumentException.class, () -> Hints.Level.parse("answers")).getMessage();
        assertEquals("the hint level (\"hints\" in grading.json, grade.hints) must be idea, api or answer, not"
                + " 'answers'", badLevel);
    }

    @Test
    void theRunDefaultsToIdeas() {
        assertEquals(System.getProperty(Hints.PROPERTY, "idea"), GradingSettings.current().hintLevel().key());
    }
}
