package org.vmaware.lab02.grading;

/**
 * lab02's points, sizes and limits: the one place an instructor reads and changes them.
 *
 * <p>Every graded check here is deterministic: values, counts of work done (a probe the code increments per term),
 * bytes still reachable after a full collection, and success or failure under a small heap. Laziness is about what
 * stays alive and when work happens, not about how much is allocated: a fully consumed lazy Fibonacci allocates the
 * same {@code BigInteger}s as the eager one.</p>
 */
public final class Rubric {

    public static final double SEMANTICS_POINTS = 1;
    public static final double KEY_POINTS = 2;
    public static final double PIPELINE_POINTS = 3;

    /** Every blocking call on a generator under test must return within this many seconds. */
    public static final int GENERATOR_SECONDS = 10;
    /** How long a dropped generator may take to be collected and its body ended. */
    public static final int CLEANUP_SECONDS = 10;

    /** Task 3: terms made when measuring what a lazy Fibonacci keeps alive (the eager list holds about 39 MB). */
    public static final int RETENTION_TERMS = 30_000;
    /**
     * Task 3: the most a lazy Fibonacci may keep reachable while it is consumed, in bytes (two terms of 30,000 are
     * about 5 KB; a thousand of them, computed ahead, about 2.6 MB).
     */
    public static final long RETAINED_BYTES_MAX = 256L << 10;
    /** 3c: the depths at which what lazy keeps is measured, drawn for the run between a quarter of it and its end. */
    public static final int RETENTION_DEPTHS = 8;
    /**
     * 3b: bytes that making a lazy sequence and taking three terms may allocate, on all threads, in a JVM where its
     * class is used for the first time (its static initialiser runs then): a thousand terms computed ahead are about
     * 100 KB, the first 2,000 about 300 KB.
     */
    public static final long AHEAD_BYTES_MAX = 64L << 10;
    /**
     * 3b: the same for a generator, whose first use also starts the lab's first body thread and links its body's
     * lambda (the reference: 77 KB on JDK 17, 161 KB on JDK 25, whose bodies are virtual threads). Terms computed
     * ahead within it are kept to be handed out, which {@link #KEPT_AT_DEPTH_MAX} bounds too.
     */
    public static final long GENERATOR_AHEAD_BYTES_MAX = 320L << 10;
    /**
     * 3b: the fixed part of what one {@code next()} may allocate, on all threads: a generator's hand-over between two
     * threads and the JVM's own (the reference's largest: 2.6 KB on JDK 17, 2.0 KB on JDK 25). The rest is
     * {@link #CALL_TERMS_MAX} terms of the size handed out; a batch of terms computed ahead allocates the batch.
     */
    public static final long CALL_BYTES_BASE = 16L << 10;
    /**
     * 3b: how many terms' bytes one {@code next()} may allocate beside {@link #CALL_BYTES_BASE}: the one it computes,
     * the tests' own copy and room for the JVM's own; terms computed ahead in batches allocate the batch at once.
     */
    public static final int CALL_TERMS_MAX = 4;

    /**
     * 3b: what a lazy sequence and a generator may keep reachable at their depth, beyond what was before their first
     * call, their classes' first use included (the reference: 36 to 40 KB on JDK 17, 28 to 32 KB on JDK 25).
     */
    public static final long KEPT_AT_DEPTH_MAX = 96L << 10;
    /**
     * 3b: the same for the lazy sequence alone, once the generator is closed (the reference: 35 to 38 KB on JDK 17,
     * 25 to 27 KB on JDK 25). A store of terms computed ahead that all sequences share shows here and above, not in a
     * crowd.
     */
    public static final long LAZY_KEPT_MAX = 64L << 10;
    /**
     * 3b: how many lazy sequences are taken at once, each to a depth of its own, to read what they keep: a batch of
     * terms computed ahead into memory reused for every batch allocates nothing, and one sequence's batch is lost in
     * the reading's noise (about 20 KB), but a crowd's are not (red team 12: 254 terms kept each, where the reference
     * keeps two).
     */
    public static final int CROWD_LAZIES = 32;
    /** 3b: the same for generators, fewer because each has a thread. */
    public static final int CROWD_GENERATORS = 16;
    /** 3b and 3c: how many terms' bytes each sequence of a crowd may keep: the two it stands at, and room. */
    public static final int CROWD_TERMS_MAX = 4;
    /** 3b and 3c: what each lazy sequence of a crowd may keep beside its terms: the iterator and its probe. */
    public static final long CROWD_LAZY_BYTES = 512;
    /**
     * 3b: what each generator of a crowd may keep beside its terms: its thread and hand-over (the reference, two terms
     * included: 1.8 KB on JDK 17, 3.7 KB on JDK 25, whose thread's stack is on the heap).
     */
    public static final long CROWD_GENERATOR_BYTES = 12L << 10;
    /**
     * 3b: how deep a generator's body thread may be while it waits for the next request (a platform thread's stack
     * is not on the heap, and deep frames can keep terms in their locals: red team 13).
     */
    public static final int BODY_STACK_FRAMES_MAX = 48;
    /** 3b and 3c: the reading's slack, for a whole crowd (32 of the reference's lazy sequences: two terms each, to 1%). */
    public static final long CROWD_SLACK_BYTES = 32L << 10;

    /** Task 4: records in the 64 MB pipeline (the eager version ran out of memory after about a million). */
    public static final long PIPELINE_RECORDS = 50_000_000L;
    /**
     * Task 4: up to this many records more, drawn for each run with the sensor, so the 64 MB run's answer is known
     * in advance to no file (a table of totals would need many entries, and the records past its last entry would
     * still have to be summed lazily in 64 MB). 2^20 counts times 16 sensors is 16 million totals: no student file
     * holds that table, and the run stays close to 50 million records.
     */
    public static final long PIPELINE_EXTRA_RECORDS = 1L << 20;
    /** Task 4: the heap of the pipeline's JVM. */
    public static final String PIPELINE_HEAP = "-Xmx64m";
    /** Task 4: the pipeline's JVM must finish within this many seconds (about 4 s here, 8 s at half a CPU). */
    public static final int PIPELINE_SECONDS = 180;

    private Rubric() {
    }
}
