package io.freecast.catalog.application;

import io.freecast.catalog.domain.AccountNames;
import io.freecast.catalog.domain.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of passwords and token labels. Messages never repeat the value: a password must not reach an
 * error, and a label may be huge or hostile.
 */
final class CredentialRules {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_LABEL_LENGTH = 100;

    private CredentialRules() {
    }

    /**
     * A password is 12–1024 characters (code points), contains no control character (it could not be typed
     * at a prompt or sent from a form the same way) and is not the account's name, ignoring case.
     */
    static List<FieldViolation> passwordViolations(String accountName, String password) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(new FieldViolation("password", "must not be empty"));
            return violations;
        }
        // Checked on the UTF-16 length first, so a huge value is never walked code point by code point.
        int length = password.length() > MAX_PASSWORD_LENGTH * 2 ? Integer.MAX_VALUE
                : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH) {
            violations.add(new FieldViolation("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (length > MAX_PASSWORD_LENGTH) {
            violations.add(new FieldViolation("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters"));
            return violations;
        }
        if (password.chars().anyMatch(CredentialRules::isControl)) {
            violations.add(new FieldViolation("password", "must not contain control characters"));
        }
        if (accountName != null && password.equalsIgnoreCase(accountName)) {
            violations.add(new FieldViolation("password", "must not be the account's name"));
        }
        return violations;
    }

    static List<FieldViolation> nameViolations(String name) {
        return AccountNames.problem(name).map(problem -> List.of(new FieldViolation("name", problem)))
                .orElse(List.of());
    }

    static List<FieldViolation> labelViolations(String label) {
        if (label == null || label.isBlank()) {
            return List.of(new FieldViolation("name", "must not be empty"));
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return List.of(new FieldViolation("name", "must be at most " + MAX_LABEL_LENGTH + " characters"));
        }
        if (label.chars().anyMatch(CredentialRules::isControl)) {
            return List.of(new FieldViolation("name", "must not contain control characters"));
        }
        return List.of();
    }

    static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0;
    }
}
