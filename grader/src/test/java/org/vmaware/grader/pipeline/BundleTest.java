package org.vmaware.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.vmaware.grader.Hints;
import org.vmaware.grader.supervise.CheckCosts;

class BundleTest {

    @Test
    void theBundlesGradingJsonKeepsTheLabsPolicy() throws Exception {
        // lab04 refuses Scheduling#arm to student code: a bundle that dropped the line let Gradescope allow it
        ClassFilePolicy.LabPolicy policy = new ClassFilePolicy.LabPolicy(List.of("java.lang.ref.Cleaner"),
                List.of("org.vmaware.lab04.Scheduling#arm"));
        LabHome lab = new LabHome("lab00-fixture", "fixture", List.of("org/vmaware/lab00/Joiner.java"), List.of(), 30,
                120, FixtureLab.RELEASE, List.of(FixtureLab.DIR.resolve("src/main/java")), FixtureLab.DIR, List.of(),
                policy, CheckCosts.none(), Hints.Level.IDEA);
        JsonNode descriptor = new ObjectMapper().readTree(Bundle.descriptor(lab));
        assertEquals(policy, ClassFilePolicy.LabPolicy.fromJson(descriptor.path("policy")));
    }
}
