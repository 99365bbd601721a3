/**
 * The build's proof of a lab (module grader): {@link org.vmaware.grader.proof.ProveEditions} grades the reference
 * and the pristine starter and holds every check to its declared outcome, the handout's task table to the rubric
 * ({@link org.vmaware.grader.proof.HandoutTable}) and the graded JVMs' class path to the runtime's
 * ({@link org.vmaware.grader.proof.ChildClassPath}) and the tests' inputs to keyed generators
 * ({@link org.vmaware.grader.proof.RevealingGenerators}); repeated, it is the self-check and the campaign of verdicts.
 */
package org.vmaware.grader.proof;
