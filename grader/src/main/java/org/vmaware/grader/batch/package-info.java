/**
 * Regrading a course (module grader, for instructors): {@code grade-batch} grades a folder of submissions one at a
 * time into a gradebook ({@link org.vmaware.grader.batch.Batch}), in shards that a scheduler spreads over machines
 * ({@link org.vmaware.grader.batch.Shard}), and {@code merge} joins the shards' gradebooks
 * ({@link org.vmaware.grader.batch.Merge}).
 */
package org.vmaware.grader.batch;
