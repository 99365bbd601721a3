/**
 * Between a child JVM and the JVM that started it (module grader-protocol, no dependencies): the
 * {@link org.vmaware.grader.fork.Channel} (secret-tagged frames on the child's stdout), the
 * {@link org.vmaware.grader.fork.Protocol} both ends speak over it (a check's identity, its events, the frame types),
 * and the parent's end, {@link org.vmaware.grader.fork.ForkedJvm}, which starts a child, drains and caps its output
 * and stops it at its time limit.
 */
package org.vmaware.grader.fork;
