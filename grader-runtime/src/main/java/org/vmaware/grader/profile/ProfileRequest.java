package org.vmaware.grader.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A check's request for a profile ({@code CheckContext#profileWith}), as a graded JVM sent it. That JVM ran the code
 * under test, so nothing in the request is trusted: the class must be a plain binary name, and the JVM flags come
 * from a short list of JIT switches the labs time under. Any other flag ({@code -javaagent}, {@code -XX:OnError})
 * is refused, and the check gets a note instead of a profile.
 *
 * @param comparison the comparison class the profile's JVM rebuilds
 * @param flags      the check's own JVM flags
 * @param seed       the seed of its inputs
 */
public record ProfileRequest(String comparison, List<String> flags, long seed) {

    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    /** The JIT switches a lab's timing checks use (lab01's tiers), and nothing else. */
    private static final Pattern ALLOWED_FLAG = Pattern.compile("-Xint|-XX:TieredStopAtLevel=[0-4]"
            + "|-XX:[+-](TieredCompilation|UseOnStackReplacement|Inline|UseLoopPredicate|UseSuperWord)"
            + "|-XX:(MaxInlineSize|FreqInlineSize|MaxInlineLevel|LoopUnrollLimit)=[0-9]{1,4}");
    private static final int FLAGS_MAX = 8;

    /** The request in a check's data, or null where there is none or it is not one. */
    public static ProfileRequest of(JsonNode json) {
        if (!json.path("comparison").isTextual() || !json.path("seed").canConvertToLong()) {
            return null;
        }
        List<String> flags = new ArrayList<>();
        for (JsonNode flag : json.path("flags")) {
            flags.add(flag.asText());
        }
        return new ProfileRequest(json.path("comparison").asText(), List.copyOf(flags), json.path("seed").asLong());
    }

    /** Why this request is not run, or null where it may be. */
    public String refusal() {
        if (comparison.length() > 300 || !CLASS_NAME.matcher(comparison).matches()) {
            return "the check named no comparison class a profile can run";
        }
        if (flags.size() > FLAGS_MAX) {
            return "the check asked for more JVM flags than a profile takes";
        }
        for (String flag : flags) {
            if (!ALLOWED_FLAG.matcher(flag).matches()) {
                return "a profile runs only under the JIT flags the labs time with, not " + shown(flag);
            }
        }
        return null;
    }

    private static String shown(String flag) {
        String printable = flag.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
