package org.vmaware.grader;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The source of every graded input: deterministic for a seed and a name, and unpredictable without them.
 *
 * <p>Why not {@code SplittableRandom}: its outputs give away its state. A submission that sees a few raw outputs
 * (an array of random ints is one) solves for the state in seconds, and with it every input still to come; it can
 * then precompute its answers during warm-up, which is never timed (red team 7). This generator is AES in counter
 * mode under a key that is the SHA-256 of the seed and a name, so its outputs reveal neither, and the same seed
 * still gives the same inputs, so {@code --seed} re-runs a disputed grade exactly.</p>
 *
 * <pre>
 * RandomGenerator calls = GradingSettings.current().random("countdown calls");
 * for (int i = 0; i &lt; 100; i++) {
 *     RandomGenerator call = calls.child(i);    // a stream of its own per call, as new SplittableRandom(seed + i) was
 *     ...
 * }
 * </pre>
 *
 * <p>Not thread-safe: give each thread a {@link #child(long)} of its own. About 3.5 ns per {@code nextLong}, three
 * times {@code SplittableRandom}'s, and a few microseconds per {@code child}: inputs are made outside the timed
 * region.</p>
 */
public final class KeyedRandom implements RandomGenerator {

    /** Keystream bytes made at once: one cipher call per 512 values. */
    private static final int BLOCK_BYTES = 4096;
    private static final byte[] ZEROS = new byte[BLOCK_BYTES];
    /** Separates what is hashed into a key, so that no two ways of deriving one can collide. */
    private static final byte NAMED = 0;
    private static final byte INDEXED = 1;
    private static final byte CHILD_NAMED = 2;

    private final byte[] key;
    private final Cipher cipher;
    private final byte[] block = new byte[BLOCK_BYTES];
    private final LongBuffer values = ByteBuffer.wrap(block).asLongBuffer();

    private KeyedRandom(byte[] key) {
        this.key = key;
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES/CTR/NoPadding", e);
        }
        values.position(values.limit());
    }

    /** The stream of one seed and name: the same pair gives the same values in every JVM. */
    public static KeyedRandom of(long seed, String name) {
        return new KeyedRandom(hash(ByteBuffer.allocate(8).putLong(seed).array(), NAMED, name.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream of its own for index {@code i}: one per call or per thread, apart from this one and each other. */
    public KeyedRandom child(long index) {
        return new KeyedRandom(hash(key, INDEXED, ByteBuffer.allocate(8).putLong(index).array()));
    }

    /** A stream of its own for a name. */
    public KeyedRandom child(String name) {
        return new KeyedRandom(hash(key, CHILD_NAMED, name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fast stream for the bulk of one input (an array's elements, say), seeded by the next value of
     * {@code inputs}, the check's keyed stream. Its outputs give away that seed, and with it the rest of that one
     * input, which the code under test holds anyway; never another input, whose seed is another keyed value. In
     * the interpreter ({@code -Xint}) it is also far faster than AES.
     */
    public static RandomGenerator forOneInput(RandomGenerator inputs) {
        return new SplittableRandom(inputs.nextLong());
    }

    @Override
    public long nextLong() {
        if (!values.hasRemaining()) {
            try {
                cipher.update(ZEROS, 0, BLOCK_BYTES, block);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a 4096-byte output buffer fits 4096 bytes", e);
            }
            values.rewind();
        }
        return values.get();
    }

    private static byte[] hash(byte[] first, byte separator, byte[] second) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(first);
            sha256.update(separator);
            sha256.update(second);
            return sha256.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // never the key: a test's message must not print what would predict its inputs
        return "KeyedRandom";
    }
}
