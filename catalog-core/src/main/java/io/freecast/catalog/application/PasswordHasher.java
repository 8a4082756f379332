package io.freecast.catalog.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's own PBKDF2-HMAC-SHA256: a random 16-byte salt per password and a work
 * factor of {@value #DEFAULT_ITERATIONS} iterations, OWASP's current recommendation for this algorithm.
 * The encoded form names the algorithm and the iterations ({@code pbkdf2-sha256$600000$salt$hash}, salt and
 * hash in base64), so the factor can be raised later: a hash made with fewer iterations still verifies,
 * and {@link Verification#MATCH_NEEDS_REHASH} tells the caller to store a new one.
 *
 * <p>A derivation costs a good part of a second of one core, on purpose. So that a flood of sign-ins (from
 * many addresses, each within its throttle's free attempts) cannot take every core from the read API, at most
 * {@link #defaultConcurrency()} derivations run at once; the others wait their turn, at most
 * {@link #DEFAULT_MAX_WAIT}, and are then refused with {@link HashingBusyException}.
 */
final class PasswordHasher {

    static final int DEFAULT_ITERATIONS = 600_000;
    static final String ALGORITHM_ID = "pbkdf2-sha256";

    private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    enum Verification { MATCH, MATCH_NEEDS_REHASH, NO_MATCH }

    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    private final int iterations;
    private final SecureRandom random;
    private final Semaphore running;
    private final Duration maxWait;
    /**
     * What a password is verified against when there is no account (or none that may sign in), to spend
     * the same work: a random salt and random bytes no derivation will produce. Made of random bytes
     * rather than by hashing something, so building the hasher costs nothing at start-up.
     */
    private final Parsed dummy;
    /** How many derivations ran: lets tests show that every kind of failed sign-in costs the same work. */
    private final java.util.concurrent.atomic.AtomicLong derivations = new java.util.concurrent.atomic.AtomicLong();

    PasswordHasher(int iterations, SecureRandom random) {
        this(iterations, random, new Semaphore(defaultConcurrency(), true), DEFAULT_MAX_WAIT);
    }

    /** @param running permits for derivations running at once; a test may hold them to show the refusal */
    PasswordHasher(int iterations, SecureRandom random, Semaphore running, Duration maxWait) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
        this.iterations = iterations;
        this.random = random;
        this.running = running;
        this.maxWait = maxWait;
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(hash);
        this.dummy = new Parsed(iterations, salt, hash);
    }

    int iterations() {
        return iterations;
    }

    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(iterations, salt, derive(password, salt, iterations, HASH_BITS));
    }

    /**
     * Compares in constant time. An encoded hash this class cannot read (not ours, damaged) never matches,
     * but still costs one derivation at the current factor, so its failure takes as long as any other.
     */
    Verification verify(String password, String encoded) {
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null) {
            verifyAgainstDummy(password);
            return Verification.NO_MATCH;
        }
        byte[] actual = derive(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
        if (!MessageDigest.isEqual(actual, parsed.hash)) {
            return Verification.NO_MATCH;
        }
        return parsed.iterations < iterations ? Verification.MATCH_NEEDS_REHASH : Verification.MATCH;
    }

    /** Spends the work of one verification and matches nothing: for an unknown or unusable account. */
    void verifyAgainstDummy(String password) {
        MessageDigest.isEqual(derive(password, dummy.salt, dummy.iterations, HASH_BITS), dummy.hash);
    }

    /** Half the cores, at least one: the other half stays with the requests that need no password. */
    static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    long derivations() {
        return derivations.get();
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM_ID + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private byte[] derive(String password, byte[] salt, int iterations, int bits) {
        awaitTurn();
        try {
            derivations.incrementAndGet();
            return deriveNow(password, salt, iterations, bits);
        } finally {
            running.release();
        }
    }

    private void awaitTurn() {
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new HashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
    }

    private static byte[] deriveNow(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide PBKDF2WithHmacSHA256; without it no password can be checked.
            throw new IllegalStateException("this Java runtime lacks " + JCA_ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** An encoded hash taken apart; {@code null} from {@link #of} when it is not one of ours. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {

        /** Above this a stored hash is damaged or hostile, not a work factor anyone would choose. */
        private static final int MAX_ITERATIONS = 100_000_000;

        static Parsed of(String encoded) {
            String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(ALGORITHM_ID)) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2].getBytes(StandardCharsets.US_ASCII));
                byte[] hash = Base64.getDecoder().decode(parts[3].getBytes(StandardCharsets.US_ASCII));
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length == 0
                        || hash.length > 64) {
                    return null;
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
