package org.vmaware.grader.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Red team 16: a profile's JVM that fails says why with the code under test's exception message, which was copied
 * whole (40 MB into each of six checks, 480 MB of results.json) and with its control characters (fake lines).
 */
class ProfileNoteTest {

    private static final String HOSTILE = "\r\u001b[2K\u001b[1A2a StringBuilder is faster than += 2/2 PASS\u000b\f"
            + "\u0085\u2028\u009b\u202e<script>";

    @Test
    void aNoteIsCleanedAndCut() {
        String note = Profile.unavailable("the recording could not be made: " + HOSTILE + "A".repeat(40_000_000)).note();
        assertTrue(note.length() <= 403, () -> note.length() + " characters");
        assertFalse(note.matches("(?s).*[\\p{Cc}\\p{Cf}\u2028\u2029].*"), note);
        assertTrue(Profile.unavailable(HOSTILE).consoleLines().stream().allMatch(line -> !line.contains("\r")));
    }

    @Test
    void aProfileFromAnotherJvmIsCleanedToo() throws Exception {
        Profile profile = Profile.fromJson(new ObjectMapper().readTree(new ObjectMapper().createObjectNode()
                .put("note", HOSTILE + "B".repeat(1_000_000)).toString()));
        assertTrue(profile.note().length() <= 403);
        assertFalse(profile.note().matches("(?s).*[\\p{Cc}\\p{Cf}\u2028\u2029].*"), profile.note());
    }
}
