package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.application.PasswordHasher.Verification;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void theDefaultIsPbkdf2Sha256At600000IterationsWithA16ByteSaltAndRoundTrips() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom());

        String encoded = hasher.hash(PASSWORD);

        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("600000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(encoded).doesNotContain(PASSWORD);
        assertThat(hasher.verify(PASSWORD, encoded)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify(PASSWORD + "!", encoded)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void theSamePasswordGetsADifferentSaltAndHashEachTime() {
        PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(hasher.verify(PASSWORD, first)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify(PASSWORD, second)).isEqualTo(Verification.MATCH);
    }

    @Test
    void aHashWithAnOlderLowerWorkFactorStillVerifiesAndAsksForARehash() {
        String old = new PasswordHasher(1_000, new SecureRandom()).hash(PASSWORD);
        PasswordHasher current = new PasswordHasher(2_000, new SecureRandom());

        assertThat(current.verify(PASSWORD, old)).isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(current.verify("wrong password!", old)).isEqualTo(Verification.NO_MATCH);
        assertThat(current.verify(PASSWORD, current.hash(PASSWORD))).isEqualTo(Verification.MATCH);
    }

    @Test
    void damagedOrForeignHashesNeverMatchAndStillCostOneDerivation() {
        PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());
        String[] broken = {null, "", "plain", "md5$1$abc$def", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$$AAAA", "pbkdf2-sha256$1000$!!!$AAAA",
                "pbkdf2-sha256$999999999$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA$" + "A".repeat(200)};
        for (String encoded : broken) {
            long before = hasher.derivations();
            assertThat(hasher.verify(PASSWORD, encoded)).as(String.valueOf(encoded)).isEqualTo(Verification.NO_MATCH);
            assertThat(hasher.derivations() - before).isEqualTo(1);
        }
    }

    @Test
    void whileEveryDerivationSlotIsTakenAVerificationIsRefusedWithoutRunning() throws Exception {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(1);
        PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom(), slots, java.time.Duration.ZERO);
        String encoded = hasher.hash(PASSWORD);
        slots.acquire();

        long before = hasher.derivations();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hasher.verify(PASSWORD, encoded))
                .isInstanceOf(HashingBusyException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hasher.verifyAgainstDummy(PASSWORD))
                .isInstanceOf(HashingBusyException.class);
        assertThat(hasher.derivations()).isEqualTo(before);

        slots.release();
        assertThat(hasher.verify(PASSWORD, encoded)).isEqualTo(Verification.MATCH);
        assertThat(slots.availablePermits()).as("every slot is given back").isEqualTo(1);
    }

    @Test
    void atMostHalfTheCoresDeriveAtOnce() {
        assertThat(PasswordHasher.defaultConcurrency())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void emptyHugeAndControlCharacterPasswordsAreHashedWithoutFailing() {
        PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());
        for (String password : new String[]{"", "\u0000\n\u001b[31m", "é😀", "x".repeat(100_000)}) {
            assertThat(hasher.verify(password, hasher.hash(password))).isEqualTo(Verification.MATCH);
        }
    }
}
