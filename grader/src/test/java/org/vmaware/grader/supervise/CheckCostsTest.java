package org.vmaware.grader.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check's limit follows from its cost on the reference: max(20 s, 10 x cost), at most the lab's checkSeconds. */
class CheckCostsTest {

    @TempDir
    Path dir;

    @Test
    void theLimitIsTenTimesTheCostWithAFloorAndACap() {
        CheckCosts costs = CheckCosts.of(Map.of("A#fast", 0.4, "B#slow", 3.21, "C#slower", 40.0));
        assertEquals(20, costs.limit("A#fast", 150, 1), "the floor");
        assertEquals(33, costs.limit("B#slow", 150, 1), "ten times 3.21 s, rounded up");
        assertEquals(150, costs.limit("C#slower", 150, 1), "never past the lab's checkSeconds");
        assertEquals(150, costs.limit("D#unknown", 150, 1), "no cost recorded: the lab's checkSeconds");
        if (CpuShare.ofThisProcess() == 1) {
            assertEquals("A#fast=20,B#slow=33,C#slower=150", costs.limits(150));
        }
    }

    @Test
    void aHalfCpuGraderGetsTwiceTheTime() {
        CheckCosts costs = CheckCosts.of(Map.of("A#fast", 0.4, "B#slow", 3.21, "C#slower", 40.0));
        assertEquals(40, costs.limit("A#fast", 150, 0.5), "the floor, doubled");
        assertEquals(65, costs.limit("B#slow", 150, 0.5), "ten times 3.21 s, doubled, rounded up");
        assertEquals(150, costs.limit("C#slower", 150, 0.5), "still never past the lab's checkSeconds");
    }

    @Test
    void writtenAndReadBack() throws IOException {
        Path file = dir.resolve(CheckCosts.FILE);
        CheckCosts.of(Map.of("A#fast", 0.4049)).write(file);
        assertEquals(0.4, CheckCosts.read(file).cost("A#fast"), 1e-9);
        assertEquals(-1.0, CheckCosts.read(dir.resolve("missing.json")).cost("A#fast"), "a missing file records nothing");
    }
}
