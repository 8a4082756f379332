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
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import org.junit.jupiter.api.Test;

class AccountAdministrationServiceTest {

    private final AccessFixture fixture = new AccessFixture();
    private final AccountAdministration accounts = fixture.services.accounts();

    @Test
    void anAddedAccountIsEnabledListedByNameAndAuditedWithoutItsPassword() {
        Account bob = accounts.addAccount(OPERATOR, "bob", Role.VIEWER, PASSWORD);
        Account alice = accounts.addAccount(OPERATOR, "Alice", Role.EDITOR, PASSWORD);

        assertThat(bob.enabled()).isTrue();
        assertThat(bob.createdAt()).isEqualTo(fixture.clock.instant());
        assertThat(accounts.listAccounts(OPERATOR)).extracting(Account::name).containsExactly("Alice", "bob");
        assertThat(accounts.getAccount(OPERATOR, "ALICE")).isEqualTo(alice);
        AuditEntry created = fixture.store.auditEntries().getLast();
        assertThat(created.entity()).isEqualTo("account");
        assertThat(created.entityId()).isEqualTo(alice.id());
        assertThat(created.field()).isEqualTo("*");
        assertThat(created.after()).isEqualTo("name=Alice, role=editor, enabled=true");
        assertThat(created.actor().label()).isEqualTo("operator:root");
        assertThat(fixture.store.auditEntries().toString()).doesNotContain(PASSWORD);
        assertThat(fixture.store.passwordHashOf("alice")).startsWith("pbkdf2-sha256$1000$").doesNotContain(PASSWORD);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        accounts.addAccount(OPERATOR, "alice", Role.EDITOR, PASSWORD);

        InvalidEditException refused = catchThrowableOfType(InvalidEditException.class,
                () -> accounts.addAccount(OPERATOR, "ALICE", Role.ADMIN, PASSWORD));

        assertThat(refused.violations()).containsExactly(
                new FieldViolation("name", "an account with this name already exists"));
        assertThat(accounts.listAccounts(OPERATOR)).hasSize(1);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithoutRepeatingThePassword() {
        InvalidEditException refused = catchThrowableOfType(InvalidEditException.class,
                () -> accounts.addAccount(OPERATOR, "bad name!", null, "short\u0000"));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("name", "role", "password",
                "password");
        assertThat(refused.getMessage()).doesNotContain("short");
        assertThat(accounts.listAccounts(OPERATOR)).isEmpty();
    }

    @Test
    void passwordRules() {
        assertThat(violations("alice", "")).containsExactly("must not be empty");
        assertThat(violations("alice", null)).containsExactly("must not be empty");
        assertThat(violations("alice", "elevenchars")).containsExactly("must be at least 12 characters");
        assertThat(violations("alice", "twelve chars")).isEmpty();
        assertThat(violations("alice", "😀".repeat(12))).as("characters, not UTF-16 units").isEmpty();
        assertThat(violations("alice", "x".repeat(1024))).isEmpty();
        assertThat(violations("alice", "x".repeat(1025))).containsExactly("must be at most 1024 characters");
        assertThat(violations("alice", "x".repeat(10_000_000))).containsExactly("must be at most 1024 characters");
        assertThat(violations("alice", "a tab\there ok?")).containsExactly("must not contain control characters");
        assertThat(violations("alice.long.name", "ALICE.LONG.NAME")).containsExactly("must not be the account's name");
    }

    @Test
    void nameRules() {
        assertThat(nameViolations("")).containsExactly("must not be empty");
        assertThat(nameViolations("a".repeat(64))).isEmpty();
        assertThat(nameViolations("a".repeat(65))).containsExactly("must be at most 64 characters");
        assertThat(nameViolations("ops@example.org")).isEmpty();
        for (String bad : new String[]{"-dash", ".dot", "spa ce", "tab\t", "new\nline", "é", "a/b", "../x", "a;rm"}) {
            assertThat(nameViolations(bad)).as(bad).hasSize(1);
        }
    }

    @Test
    void onlyTheAdminScopeManagesAccounts() {
        fixture.account("root2", Role.ADMIN);
        Account editor = fixture.account("ed", Role.EDITOR);
        Caller editorCaller = new Caller(Actor.account(editor.id(), "ed", Channel.WEB), Scope.EDIT);

        assertThatThrownBy(() -> accounts.addAccount(editorCaller, "eve", Role.ADMIN, PASSWORD))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> accounts.listAccounts(editorCaller)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> accounts.changeRole(editorCaller, "ed", Role.ADMIN)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> accounts.setEnabled(editorCaller, "root2", false)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> accounts.changePassword(editorCaller, "root2", PASSWORD + "!"))
                .isInstanceOf(NotPermittedException.class);
        assertThat(accounts.listAccounts(OPERATOR)).extracting(Account::role).containsExactly(Role.EDITOR, Role.ADMIN);
    }

    @Test
    void aPersonSignedInWithTheirPasswordMayChangeItButNotWithAToken() {
        Account ed = fixture.account("ed", Role.EDITOR);
        Caller signedIn = fixture.services.authentication().signIn("ed", PASSWORD, "192.0.2.1", Channel.WEB);
        Caller viaToken = new Caller(Actor.token(9, "ed", "ci", Channel.API), Scope.EDIT);

        accounts.changePassword(signedIn, "ED", "a brand new passphrase");

        assertThatThrownBy(() -> accounts.changePassword(viaToken, "ed", "another new passphrase"))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> fixture.services.authentication().signIn("ed", PASSWORD, "192.0.2.1", Channel.WEB))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(fixture.services.authentication().signIn("ed", "a brand new passphrase", "192.0.2.2", Channel.WEB)
                .actor().id()).isEqualTo(ed.id());
        AuditEntry change = fixture.store.auditEntries().stream().filter(e -> e.field().equals("password"))
                .findFirst().orElseThrow();
        assertThat(change.before()).isNull();
        assertThat(change.after()).isNull();
        assertThat(change.actor().label()).isEqualTo("account:ed");
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorDemoted() {
        fixture.account("root", Role.ADMIN);

        assertThat(catchThrowableOfType(InvalidEditException.class, () -> accounts.setEnabled(OPERATOR, "root", false))
                .violations()).extracting(FieldViolation::field).containsExactly("enabled");
        assertThat(catchThrowableOfType(InvalidEditException.class, () -> accounts.changeRole(OPERATOR, "root", Role.EDITOR))
                .violations()).extracting(FieldViolation::field).containsExactly("role");

        fixture.account("second", Role.ADMIN);
        accounts.setEnabled(OPERATOR, "root", false);
        assertThatThrownBy(() -> accounts.changeRole(OPERATOR, "second", Role.VIEWER)).isInstanceOf(InvalidEditException.class);
        accounts.setEnabled(OPERATOR, "root", true);
        assertThat(accounts.changeRole(OPERATOR, "second", Role.VIEWER).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void changesAreAuditedWithBeforeAndAfterAndRepeatsChangeNothing() {
        fixture.account("root", Role.ADMIN);
        Account ed = fixture.account("ed", Role.EDITOR);
        int entries = fixture.store.auditEntries().size();

        accounts.setEnabled(OPERATOR, "ed", false);
        accounts.setEnabled(OPERATOR, "ed", false);
        accounts.changeRole(OPERATOR, "ed", Role.VIEWER);
        accounts.changeRole(OPERATOR, "ed", Role.VIEWER);

        assertThat(fixture.store.auditEntries().subList(entries, fixture.store.auditEntries().size()))
                .extracting(AuditEntry::entityId, AuditEntry::field, AuditEntry::before, AuditEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ed.id(), "enabled", "true", "false"),
                        org.assertj.core.groups.Tuple.tuple(ed.id(), "role", "editor", "viewer"));
    }

    @Test
    void unknownAndHostileNamesAreNotFound() {
        assertThatThrownBy(() -> accounts.getAccount(OPERATOR, "ghost")).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> accounts.setEnabled(OPERATOR, "x".repeat(100_000), false))
                .isInstanceOf(ItemNotFoundException.class).hasMessage("no account has that name");
        assertThatThrownBy(() -> accounts.changePassword(OPERATOR, "\u001b[2J", PASSWORD))
                .isInstanceOf(ItemNotFoundException.class).hasMessage("no account has that name");
    }

    private java.util.List<String> violations(String name, String password) {
        return CredentialRules.passwordViolations(name, password).stream().map(FieldViolation::message).toList();
    }

    private java.util.List<String> nameViolations(String name) {
        return CredentialRules.nameViolations(name).stream().map(FieldViolation::message).toList();
    }
}
