package io.freecast.catalog.application;

import static io.freecast.catalog.application.AccessFixture.OPERATOR;
import static io.freecast.catalog.application.AccessFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import io.freecast.catalog.port.in.TokenAdministration;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAdministrationServiceTest {

    private final AccessFixture fixture = new AccessFixture();
    private final TokenAdministration tokens = fixture.services.tokens();

    @Test
    void aNewTokenIsShownOnceAsPrefixPlus256RandomBitsAndStoredOnlyAsItsSha256() {
        fixture.account("alice", Role.EDITOR);

        IssuedToken issued = tokens.createToken(OPERATOR, new NewToken("alice", " deploy script ", Scope.EDIT, null));

        assertThat(issued.secret()).matches("cat_[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(issued.token().label()).isEqualTo("deploy script");
        assertThat(fixture.store.storedTokenHashes()).containsExactly(TokenSecrets.hash(issued.secret()));
        assertThat(tokens.listTokens(OPERATOR, null)).containsExactly(issued.token());
        assertThat(tokens.listTokens(OPERATOR, null).toString() + fixture.store.auditEntries())
                .doesNotContain(issued.secret());
        AuditEntry created = fixture.store.auditEntries().getLast();
        assertThat(created.entity()).isEqualTo("token");
        assertThat(created.after()).isEqualTo("account=alice, label=deploy script, scope=edit, expires_at=never");
    }

    @Test
    void valuesDoNotRepeat() {
        fixture.account("alice", Role.EDITOR);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(fixture.token("alice", Scope.READ).secret())).isTrue();
        }
    }

    @Test
    void aTokensScopeIsAtMostItsAccountsRole() {
        fixture.account("viewer", Role.VIEWER);
        fixture.account("editor", Role.EDITOR);

        assertThat(scopeViolation("viewer", Scope.EDIT)).isEqualTo("may be at most read for an account with the viewer role");
        assertThat(scopeViolation("editor", Scope.ADMIN)).isEqualTo("may be at most edit for an account with the editor role");
        assertThat(fixture.token("editor", Scope.EDIT).token().scope()).isEqualTo(Scope.EDIT);
        assertThat(fixture.token("editor", Scope.READ).token().scope()).isEqualTo(Scope.READ);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        fixture.account("root", Role.ADMIN);
        fixture.account("alice", Role.VIEWER);
        fixture.services.accounts().setEnabled(OPERATOR, "alice", false);

        InvalidEditException refused = catchThrowableOfType(InvalidEditException.class, () -> tokens.createToken(OPERATOR,
                new NewToken("alice", "bad\nlabel", Scope.ADMIN, fixture.clock.instant())));

        assertThat(refused.violations()).extracting(FieldViolation::field)
                .containsExactly("name", "scope", "expires_at", "user");
        assertThat(tokens.listTokens(OPERATOR, null)).isEmpty();
        assertThat(catchThrowableOfType(InvalidEditException.class, () -> tokens.createToken(OPERATOR,
                new NewToken("root", "x".repeat(101), null, null))).violations()).extracting(FieldViolation::field)
                .containsExactly("name", "scope");
        assertThat(catchThrowableOfType(InvalidEditException.class, () -> tokens.createToken(OPERATOR,
                new NewToken("root", "   ", Scope.READ, null))).violations()).extracting(FieldViolation::field)
                .containsExactly("name");
    }

    @Test
    void tokensAreListedNewestFirstWithTheirStatus() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken expiring = tokens.createToken(OPERATOR, new NewToken("alice", "temp", Scope.READ,
                fixture.clock.instant().plus(Duration.ofDays(1))));
        IssuedToken revoked = fixture.token("alice", Scope.EDIT);
        tokens.revokeToken(OPERATOR, revoked.token().id());
        fixture.clock.advance(Duration.ofDays(2));

        assertThat(tokens.listTokens(OPERATOR, "alice"))
                .extracting(token -> token.status(fixture.clock.instant()))
                .containsExactly(ApiToken.Status.REVOKED, ApiToken.Status.EXPIRED);
        assertThat(tokens.listTokens(OPERATOR, "alice").getLast().id()).isEqualTo(expiring.token().id());
    }

    @Test
    void revokingIsAuditedOnceAndRevokingAgainChangesNothing() {
        fixture.account("alice", Role.EDITOR);
        IssuedToken issued = fixture.token("alice", Scope.EDIT);

        ApiToken revoked = tokens.revokeToken(OPERATOR, issued.token().id());
        int entries = fixture.store.auditEntries().size();
        fixture.clock.advance(Duration.ofMinutes(1));
        ApiToken again = tokens.revokeToken(OPERATOR, issued.token().id());

        assertThat(revoked.revokedAt()).isEqualTo(again.revokedAt());
        assertThat(fixture.store.auditEntries()).hasSize(entries);
        AuditEntry entry = fixture.store.auditEntries().getLast();
        assertThat(entry).extracting(AuditEntry::field, AuditEntry::before, AuditEntry::after)
                .containsExactly("status", "active", "revoked");
        assertThatThrownBy(() -> tokens.revokeToken(OPERATOR, 999_999)).isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void aSignedInPersonManagesOnlyTheirOwnTokensAndATokenManagesNone() {
        fixture.account("alice", Role.EDITOR);
        fixture.account("bob", Role.EDITOR);
        IssuedToken bobs = fixture.token("bob", Scope.EDIT);
        Caller alice = fixture.services.authentication().signIn("alice", PASSWORD, "192.0.2.1", Channel.WEB);
        Caller aliceToken = fixture.services.authentication().authenticateToken(
                fixture.token("alice", Scope.EDIT).secret(), "192.0.2.1", Channel.API);

        IssuedToken own = tokens.createToken(alice, new NewToken("alice", "laptop", Scope.EDIT, null));

        assertThat(tokens.listTokens(alice, "alice")).extracting(ApiToken::label).contains("laptop");
        assertThat(tokens.revokeToken(alice, own.token().id()).revokedAt()).isNotNull();
        assertThatThrownBy(() -> tokens.createToken(alice, new NewToken("bob", "x", Scope.READ, null)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tokens.listTokens(alice, null)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tokens.listTokens(alice, "bob")).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tokens.revokeToken(alice, bobs.token().id())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tokens.revokeToken(alice, 999_999))
                .as("a missing token and someone else's look the same").isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tokens.createToken(aliceToken, new NewToken("alice", "more", Scope.EDIT, null)))
                .isInstanceOf(NotPermittedException.class);
    }

    private String scopeViolation(String account, Scope scope) {
        return catchThrowableOfType(InvalidEditException.class,
                () -> tokens.createToken(OPERATOR, new NewToken(account, "t", scope, null)))
                .violations().getFirst().message();
    }
}
