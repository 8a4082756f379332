package io.freecast.catalog.application;

import static io.freecast.catalog.application.AccessFixture.OPERATOR;
import static io.freecast.catalog.application.AccessFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {

    private static final String ADDRESS = "203.0.113.7";

    private final AccessFixture fixture = new AccessFixture();
    private final Authentication authentication = fixture.services.authentication();

    // --- sign-in

    @Test
    void theRightPasswordSignsInWithTheRolesScopeAndIsAudited() {
        Account alice = fixture.account("Alice", Role.EDITOR);

        Caller caller = authentication.signIn("alice", PASSWORD, ADDRESS, Channel.WEB);

        assertThat(caller).isEqualTo(new Caller(Actor.account(alice.id(), "Alice", Channel.WEB), Scope.EDIT));
        assertThat(fixture.store.findById(alice.id()).orElseThrow().account().lastSignInAt())
                .isEqualTo(fixture.clock.instant());
        AuditEntry entry = last();
        assertThat(entry.entity()).isEqualTo("login");
        assertThat(entry.entityId()).isEqualTo(alice.id());
        assertThat(entry.after()).isEqualTo("succeeded from " + ADDRESS);
    }

    @Test
    void unknownAccountWrongPasswordAndDisabledAccountGetTheSameAnswerAfterTheSameWork() {
        fixture.account("alice", Role.EDITOR);
        fixture.account("admin2", Role.ADMIN);
        fixture.account("bob", Role.VIEWER);
        fixture.services.accounts().setEnabled(OPERATOR, "bob", false);

        List<Throwable> answers = new ArrayList<>();
        List<Long> work = new ArrayList<>();
        String[][] attempts = {{"nobody", PASSWORD}, {"alice", "not the password"}, {"bob", PASSWORD},
                {"bob", "not the password"}, {"x".repeat(500), PASSWORD}, {"", ""}, {null, null}};
        for (String[] attempt : attempts) {
            long before = fixture.hasher.derivations();
            answers.add(catchThrowableOfType(AuthenticationFailedException.class,
                    () -> authentication.signIn(attempt[0], attempt[1], "198.51.100." + answers.size(), Channel.WEB)));
            work.add(fixture.hasher.derivations() - before);
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer).isExactlyInstanceOf(AuthenticationFailedException.class);
            assertThat(answer.getMessage()).isEqualTo("invalid credentials");
        });
        assertThat(work).as("one PBKDF2 derivation at the current factor each").containsOnly(1L);
    }

    @Test
    void failedSignInsAreAuditedWithTheReasonButNeverThePasswordOrTheTypedName() {
        Account alice = fixture.account("alice", Role.EDITOR);

        assertThatThrownBy(() -> authentication.signIn("alice", "guess-one-two-three", ADDRESS, Channel.WEB))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authentication.signIn("my-secret-password", "guess-four-five", ADDRESS, Channel.WEB))
                .isInstanceOf(AuthenticationFailedException.class);

        List<AuditEntry> failures = fixture.store.auditEntries().stream()
                .filter(entry -> entry.entity().equals("login")).toList();
        assertThat(failures).extracting(AuditEntry::entityId).containsExactly(alice.id(), 0L);
        assertThat(failures).extracting(AuditEntry::after)
                .containsExactly("refused: wrong password", "refused: unknown account");
        assertThat(failures).extracting(entry -> entry.actor().label()).containsOnly("anonymous:" + ADDRESS);
        assertThat(fixture.store.auditEntries().toString())
                .doesNotContain("guess-one-two-three", "guess-four-five", "my-secret-password", PASSWORD);
    }

    @Test
    void failedSignInsAreThrottledPerAccountAndTellWhenToComeBack() {
        fixture.account("alice", Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            String address = "198.51.100." + i;
            assertThatThrownBy(() -> authentication.signIn("alice", "wrong password!", address, Channel.WEB))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
        long work = fixture.hasher.derivations();

        TooManyAttemptsException throttled = catchThrowableOfType(TooManyAttemptsException.class,
                () -> authentication.signIn("ALICE", PASSWORD, "192.0.2.99", Channel.WEB));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttled.retryAfterSeconds()).isEqualTo(1);
        assertThat(fixture.hasher.derivations()).as("refused without checking the password").isEqualTo(work);
        assertThat(last().after()).isEqualTo("throttled for 1 s");

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(authentication.signIn("alice", PASSWORD, "192.0.2.99", Channel.WEB).scope()).isEqualTo(Scope.EDIT);
        assertThat(authentication.signIn("alice", PASSWORD, "192.0.2.99", Channel.WEB).scope())
                .as("a successful sign-in forgets the account's failures").isEqualTo(Scope.EDIT);
    }

    @Test
    void failedSignInsAreThrottledPerAddressAcrossAccountNames() {
        for (int i = 0; i < 5; i++) {
            String name = "user" + i;
            assertThatThrownBy(() -> authentication.signIn(name, "wrong password!", ADDRESS, Channel.WEB))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> authentication.signIn("someone-else", "wrong password!", ADDRESS, Channel.WEB))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> authentication.signIn("someone-else", "wrong password!", "192.0.2.1", Channel.WEB))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aPasswordHashedWithAnOlderFactorIsRehashedOnSignIn() {
        AccessFixture old = new AccessFixture(500, null);
        old.account("alice", Role.EDITOR);
        AccessServices upgraded = new AccessServices(old.store, old.store.tokens, old.store, old.store, old.clock, null,
                new PasswordHasher(1_000, new SecureRandom()), new FailureThrottle(old.clock, FailureThrottle.Rules.DEFAULT));
        assertThat(old.store.passwordHashOf("alice")).startsWith("pbkdf2-sha256$500$");

        upgraded.authentication().signIn("alice", PASSWORD, ADDRESS, Channel.WEB);

        assertThat(old.store.passwordHashOf("alice")).startsWith("pbkdf2-sha256$1000$");
        assertThat(upgraded.authentication().signIn("alice", PASSWORD, ADDRESS, Channel.WEB).scope()).isEqualTo(Scope.EDIT);
    }

    @Test
    void aSignInWhileEveryDerivationSlotIsBusyIsAskedToComeBackAndCountsAsNoFailure() throws Exception {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(1);
        AccessFixture busy = new AccessFixture(new PasswordHasher(1_000, new SecureRandom(), slots, Duration.ZERO), null);
        busy.account("alice", Role.EDITOR);
        slots.acquire();
        int audited = busy.store.auditEntries().size();

        for (int i = 0; i < 10; i++) {
            TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                    () -> busy.services.authentication().signIn("alice", PASSWORD, ADDRESS, Channel.WEB));
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        }
        assertThatThrownBy(() -> busy.services.authentication().signIn("nobody", PASSWORD, ADDRESS, Channel.WEB))
                .as("the same answer for an account that does not exist").isInstanceOf(TooManyAttemptsException.class);
        assertThat(busy.store.auditEntries()).hasSize(audited);

        slots.release();
        assertThat(busy.services.authentication().signIn("alice", PASSWORD, ADDRESS, Channel.WEB).scope())
                .as("the busy refusals counted against neither the account nor the address").isEqualTo(Scope.EDIT);
    }

    @Test
    void aHugePasswordIsRefusedLikeAnyWrongOne() {
        fixture.account("alice", Role.EDITOR);
        long before = fixture.hasher.derivations();

        assertThatThrownBy(() -> authentication.signIn("alice", "p".repeat(10_000_000), ADDRESS, Channel.WEB))
                .isExactlyInstanceOf(AuthenticationFailedException.class).hasMessage("invalid credentials");
        assertThat(fixture.hasher.derivations() - before).isEqualTo(1);
    }

    // --- tokens

    @Test
    void aTokenAuthenticatesWithItsScopeAndItsAccountNamed() {
        Account alice = fixture.account("alice", Role.ADMIN);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);

        Caller caller = authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API);

        assertThat(caller).isEqualTo(new Caller(Actor.token(issued.token().id(), "alice", "deploy", Channel.API), Scope.EDIT));
        assertThat(issued.token().accountId()).isEqualTo(alice.id());
        assertThat(authentication.authenticateToken("  " + issued.secret() + " ", ADDRESS, Channel.API))
                .isEqualTo(caller);
    }

    @Test
    void aTokenStillAuthenticatesWhileTheStorageRefusesInteractiveWritesAndItsUseIsRecordedLater() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);
        fixture.store.busyWithAnImport = true;

        Caller caller = authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API);

        assertThat(caller.scope()).isEqualTo(Scope.EDIT);
        assertThat(fixture.store.recordUseWrites).hasValue(0);
        fixture.store.busyWithAnImport = false;
        assertThat(authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API)).isEqualTo(caller);
        assertThat(fixture.store.recordUseWrites).hasValue(1);
    }

    @Test
    void aSignInWhileTheStorageRefusesInteractiveWritesIsRefusedAsUnavailableAndRecordsNothing() {
        Account alice = fixture.account("alice", Role.EDITOR);
        List<AuditEntry> auditBefore = fixture.store.auditEntries();
        fixture.store.busyWithAnImport = true;

        assertThatThrownBy(() -> authentication.signIn("alice", PASSWORD, ADDRESS, Channel.WEB))
                .isInstanceOf(StorageUnavailableException.class);

        assertThat(fixture.store.findById(alice.id()).orElseThrow().account().lastSignInAt()).isNull();
        assertThat(fixture.store.auditEntries()).isEqualTo(auditBefore);
        fixture.store.busyWithAnImport = false;
        assertThat(authentication.signIn("alice", PASSWORD, ADDRESS, Channel.WEB).scope()).isEqualTo(Scope.EDIT);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextRequest() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);
        Caller caller = authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API);

        fixture.services.tokens().revokeToken(OPERATOR, issued.token().id());

        assertThatThrownBy(() -> authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API))
                .isExactlyInstanceOf(AuthenticationFailedException.class).hasMessage("invalid credentials");
        assertThatThrownBy(() -> authentication.revalidate(caller)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(last().after()).isEqualTo("refused: revoked");
        assertThat(last().entityId()).isEqualTo(issued.token().id());
    }

    @Test
    void anExpiredTokenIsRefusedFromItsExpiryOn() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.services.tokens().createToken(OPERATOR, new NewToken("alice", "ci", Scope.READ,
                fixture.clock.instant().plus(Duration.ofHours(1))));
        fixture.clock.advance(Duration.ofMinutes(59));
        assertThat(authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API).scope()).isEqualTo(Scope.READ);

        fixture.clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        assertThat(last().after()).isEqualTo("refused: expired");
    }

    @Test
    void aDisabledAccountsTokensAreRefusedAtOnceAndWorkAgainWhenItIsEnabled() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);

        fixture.services.accounts().setEnabled(OPERATOR, "alice", false);
        assertThatThrownBy(() -> authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        assertThat(last().after()).isEqualTo("refused: account disabled");

        fixture.services.accounts().setEnabled(OPERATOR, "alice", true);
        assertThat(authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API).scope()).isEqualTo(Scope.EDIT);
    }

    @Test
    void aTokenNeverActsAboveItsAccountsCurrentRole() {
        fixture.account("root2", Role.ADMIN);
        fixture.account("alice", Role.ADMIN);
        IssuedToken issued = fixture.token("alice", Scope.ADMIN);
        Caller signedIn = authentication.signIn("alice", PASSWORD, ADDRESS, Channel.WEB);

        fixture.services.accounts().changeRole(OPERATOR, "alice", Role.VIEWER);

        assertThat(authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API).scope()).isEqualTo(Scope.READ);
        assertThat(authentication.revalidate(signedIn).scope()).isEqualTo(Scope.READ);
    }

    @Test
    void wrongTokensAreThrottledPerAddressWhileOtherAddressesAndGoodTokensFromThemPass() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);
        String[] wrong = {"", "cat_", "\u0000\r\n", "cat_" + "A".repeat(43), "x".repeat(1_000_000)};
        for (String token : wrong) {
            assertThatThrownBy(() -> authentication.authenticateToken(token, ADDRESS, Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(authentication.authenticateToken(issued.secret(), "192.0.2.1", Channel.API).scope()).isEqualTo(Scope.EDIT);
    }

    @Test
    void aFloodOfWrongTokensFromManyAddressesWritesAtMost20EntriesASecondAndCountsTheRest() {
        int before = fixture.store.auditEntries().size();
        for (int i = 0; i < 5_000; i++) {
            String address = "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255);
            assertThatThrownBy(() -> authentication.authenticateToken("cat_" + "B".repeat(43), address, Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(fixture.store.auditEntries()).hasSize(before + 20);

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> authentication.authenticateToken("wrong", "192.0.2.77", Channel.API))
                .isExactlyInstanceOf(AuthenticationFailedException.class);

        assertThat(last().after()).isEqualTo("refused: unknown token (4980 more refused before this, not recorded one by one)");
    }

    @Test
    void manyRequestsWithAGoodTokenFromOneAddressAreNeverThrottled() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);
        for (int i = 0; i < 1_000; i++) {
            authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API);
        }
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);
        for (int second = 0; second < 180; second++) {
            authentication.authenticateToken(issued.secret(), ADDRESS, Channel.API);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(fixture.store.recordUseWrites.get()).isEqualTo(3);
        assertThat(fixture.store.tokens.list(null).getFirst().lastUsedAt()).isNotNull();
    }

    // --- the bootstrap token

    @Test
    void theBootstrapTokenActsAsAdminAndIsNamedAsSuch() {
        AccessFixture withBootstrap = new AccessFixture(1_000, "0123456789abcdef");

        Caller caller = withBootstrap.services.authentication().authenticateToken("0123456789abcdef", ADDRESS, Channel.API);

        assertThat(caller).isEqualTo(new Caller(Actor.bootstrapToken(Channel.API), Scope.ADMIN));
        assertThatThrownBy(() -> withBootstrap.services.authentication().authenticateToken("0123456789abcdeF", ADDRESS,
                Channel.API)).isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aBootstrapTokenUnder16CharactersIsRefusedWithoutRepeatingIt() {
        for (String tooShort : new String[]{"a", "0123456789abcde", "   0123456789   ", ""}) {
            assertThatThrownBy(() -> new AccessFixture(1_000, tooShort))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the bootstrap admin token must be at least 16 characters long");
        }
    }

    @Test
    void withoutABootstrapTokenNoValueActsAsIt() {
        assertThatThrownBy(() -> authentication.authenticateToken("bootstrap", ADDRESS, Channel.API))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authentication.revalidate(new Caller(Actor.bootstrapToken(Channel.API), Scope.ADMIN)))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private AuditEntry last() {
        return fixture.store.auditEntries().getLast();
    }
}
