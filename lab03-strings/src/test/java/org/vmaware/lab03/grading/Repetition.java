package org.vmaware.lab03.grading;

/**
 * The lecture's own workload: one piece, repeated.
 *
 * @param piece the piece
 * @param times how many times
 */
public record Repetition(String piece, int times) {
}
