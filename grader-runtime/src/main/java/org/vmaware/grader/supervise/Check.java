package org.vmaware.grader.supervise;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One check as the lab's tests declare it, from the catalog a child JVM lists before it runs anything.
 *
 * @param id         {@code CLASS#METHOD}
 * @param graded     false for an observation (shown, not graded)
 * @param task       the handout's task
 * @param points     the most it can earn
 * @param name       the handout's name, such as {@code 2b presized StringBuilder beats +=}
 * @param kind       {@code CORRECTNESS}, {@code TIMING}, {@code ALLOCATION}, or {@code OBSERVATION}
 * @param visibility Gradescope's visibility
 * @param reference  the outcome the reference must earn
 * @param starter    the outcome the pristine starter must earn
 * @param calls      the student's methods it calls, {@code Class#method} ({@code Graded#calls})
 * @param profile    an observation's comparison class to profile when asked ({@code Observation#profile}), or
 *                   {@code ""}
 */
public record Check(String id, boolean graded, int task, double points, String name, String kind, String visibility,
        String reference, String starter, List<String> calls, String profile) {

    public static Check of(JsonNode node) {
        String id = node.path("id").asText();
        List<String> calls = new ArrayList<>();
        node.path("calls").forEach(c -> calls.add(c.asText()));
        return new Check(id, node.path("graded").asBoolean(), node.path("task").asInt(), node.path("points").asDouble(),
                node.path("name").asText(id), node.path("kind").asText("OBSERVATION"),
                node.path("visibility").asText("visible"), node.path("reference").asText(""),
                node.path("starter").asText(""), List.copyOf(calls), node.path("profile").asText(""));
    }

    /** The handout's label of the check: the first word of its name ({@code 1b}), or its method. */
    public String label() {
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : id.substring(id.indexOf('#') + 1);
    }

    /** The test method's name: how {@code --explain} names an observation. */
    public String method() {
        return id.substring(id.indexOf('#') + 1);
    }

    public boolean visible() {
        return visibility.equals("visible");
    }
}
