package org.vmaware.grader.batch;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.vmaware.grader.pipeline.GradingException;

/**
 * The K-th of N disjoint parts of a batch ({@code --shard K/N}, 1 &lt;= K &lt;= N): a student belongs to part
 * {@code 1 + (h mod N)}, where h is the first 8 bytes of SHA-256 of the student's name. The hash is stable: the same
 * student is in the same part on every machine and every run, whatever else the folder holds.
 *
 * @param index the part, from 1
 * @param count how many parts
 */
public record Shard(int index, int count) {

    /** The whole batch: one part of one. */
    public static final Shard ALL = new Shard(1, 1);

    /** Reads {@code K/N}. */
    public static Shard parse(String text) throws GradingException {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                Shard shard = new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (shard.count >= 1 && shard.index >= 1 && shard.index <= shard.count) {
                    return shard;
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw GradingException.usage("--shard must be K/N with 1 <= K <= N (such as 2/3), not '" + text + "'");
    }

    /** Whether {@code student} is in this part. */
    public boolean holds(String student) {
        return Math.floorMod(hash(student), count) + 1 == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** The first 8 bytes of SHA-256 of {@code text}, as a long: the shard's hash and the student's seed. */
    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A student's input seed: the first 8 bytes of SHA-256 of {@code "BATCHSEED:STUDENT"}. Each student gets inputs
     * of their own, and the same ones again from the same batch seed.
     */
    public static long seed(long batchSeed, String student) {
        return hash(batchSeed + ":" + student);
    }
}
