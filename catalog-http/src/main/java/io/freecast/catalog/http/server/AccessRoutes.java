package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.TokenAdministration;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts and API tokens over HTTP, for callers with the {@code admin} scope only:
 * <pre>
 * GET    /accounts                 every account, by name
 * POST   /accounts                 {name, role, password} → 201
 * GET    /accounts/{name}
 * PATCH  /accounts/{name}          {role?, enabled?, password?}
 * GET    /tokens?user=NAME         tokens (every account's without user), newest first, never their values
 * POST   /tokens                   {user, name, scope, expires_at?} → 201 with the token's value, shown once
 * DELETE /tokens/{id}              revoke; the token is refused from the next request on
 * </pre>
 * Tokens are spelled as the command line's {@code tokens} commands spell them: {@code user} (the account)
 * and {@code name} (the token's label). The scope is checked before anything is read, so a caller without it cannot tell which accounts or
 * tokens exist. Passwords and token values are never echoed in a response other than the one creating the
 * token, nor in a problem.
 */
final class AccessRoutes {

    private static final BodyFields.Shape NEW_ACCOUNT = new BodyFields.Shape(Map.of("name", BodyFields.Type.TEXT,
            "role", BodyFields.Type.TEXT, "password", BodyFields.Type.TEXT),
            Set.of("id", "enabled", "created_at", "last_sign_in_at"));
    private static final BodyFields.Shape ACCOUNT_CHANGE = new BodyFields.Shape(Map.of("role", BodyFields.Type.TEXT,
            "enabled", BodyFields.Type.BOOLEAN, "password", BodyFields.Type.TEXT),
            Set.of("id", "name", "created_at", "last_sign_in_at"));
    private static final BodyFields.Shape NEW_TOKEN = new BodyFields.Shape(Map.of("user", BodyFields.Type.TEXT,
            "name", BodyFields.Type.TEXT, "scope", BodyFields.Type.TEXT, "expires_at", BodyFields.Type.TEXT),
            Set.of("id", "token", "status", "created_at", "last_used_at", "revoked_at"));

    private final AccountAdministration accounts;
    private final TokenAdministration tokens;
    private final BearerAuthentication authentication;
    private final Clock clock;

    AccessRoutes(AccountAdministration accounts, TokenAdministration tokens, BearerAuthentication authentication,
                 Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.authentication = authentication;
        this.clock = clock;
    }

    void register(ApiRoutes routes) {
        routes.get("/accounts", this::listAccounts)
                .post("/accounts", this::addAccount)
                .get("/accounts/{name}", this::getAccount)
                .patch("/accounts/{name}", this::changeAccount)
                .get("/tokens", this::listTokens)
                .post("/tokens", this::createToken)
                .delete("/tokens/{id}", this::revokeToken);
    }

    ApiResponse listAccounts(ApiRequest request) {
        Caller caller = admin(request);
        List<Map<String, Object>> body = CoreRefusals.translate(() -> accounts.listAccounts(caller)).stream()
                .map(AccessRoutes::account).toList();
        return ApiResponse.json(body).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse getAccount(ApiRequest request) {
        Caller caller = admin(request);
        Account account = CoreRefusals.translate(() -> accounts.getAccount(caller, request.pathParameter("name")));
        return ApiResponse.json(account(account)).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse addAccount(ApiRequest request) {
        Caller caller = admin(request);
        BodyFields.Fields body = BodyFields.read(JsonBody.object(request), NEW_ACCOUNT);
        List<FieldViolation> violations = new ArrayList<>();
        String name = text(body, "name", true, violations);
        Role role = role(body, true, violations);
        String password = text(body, "password", true, violations);
        refuseIfAny(violations);
        Account added = CoreRefusals.translate(() -> accounts.addAccount(caller, name, role, password));
        return ApiResponse.json(201, account(added)).header("Location", "/accounts/" + UriEncoding.encode(added.name()))
                .caching(ApiResponse.Caching.NO_STORE);
    }

    /** Applies each member given: role, then enabled, then password; the account as it is after. */
    ApiResponse changeAccount(ApiRequest request) {
        Caller caller = admin(request);
        String name = request.pathParameter("name");
        BodyFields.Fields body = BodyFields.read(JsonBody.mergePatch(request), ACCOUNT_CHANGE);
        List<FieldViolation> violations = new ArrayList<>();
        Role role = role(body, false, violations);
        Boolean enabled = bool(body, "enabled", violations);
        String password = text(body, "password", false, violations);
        refuseIfAny(violations);
        if (body.isEmpty()) {
            throw ApiProblem.invalid("nothing to change", List.of(new FieldViolation("role",
                    "give at least one of role, enabled and password")));
        }
        Account account = CoreRefusals.translate(() -> {
            if (role != null) {
                accounts.changeRole(caller, name, role);
            }
            if (enabled != null) {
                accounts.setEnabled(caller, name, enabled);
            }
            if (password != null) {
                accounts.changePassword(caller, name, password);
            }
            return accounts.getAccount(caller, name);
        });
        return ApiResponse.json(account(account)).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse listTokens(ApiRequest request) {
        Caller caller = admin(request);
        String accountName = request.query("user").filter(a -> !a.isEmpty()).orElse(null);
        Instant now = clock.instant();
        List<Map<String, Object>> body = CoreRefusals.translate(() -> tokens.listTokens(caller, accountName))
                .stream().map(token -> token(token, now)).toList();
        return ApiResponse.json(body).caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse createToken(ApiRequest request) {
        Caller caller = admin(request);
        BodyFields.Fields body = BodyFields.read(JsonBody.object(request), NEW_TOKEN);
        List<FieldViolation> violations = new ArrayList<>();
        String account = text(body, "user", true, violations);
        String label = text(body, "name", true, violations);
        Scope scope = scope(body, violations);
        Instant expiresAt = expiry(body, violations);
        refuseIfAny(violations);
        IssuedToken issued = CoreRefusals.translate(() -> tokens.createToken(caller,
                new NewToken(account, label, scope, expiresAt)));
        Map<String, Object> view = token(issued.token(), clock.instant());
        // The one time the value leaves the server: the client must keep it now.
        view.put("token", issued.secret());
        return ApiResponse.json(201, view).header("Location", "/tokens/" + issued.token().id())
                .caching(ApiResponse.Caching.NO_STORE);
    }

    ApiResponse revokeToken(ApiRequest request) {
        Caller caller = admin(request);
        long id = request.idParameter("id");
        ApiToken revoked = CoreRefusals.translate(() -> tokens.revokeToken(caller, id));
        return ApiResponse.json(token(revoked, clock.instant())).caching(ApiResponse.Caching.NO_STORE);
    }

    private Caller admin(ApiRequest request) {
        return authentication.require(request, Scope.ADMIN);
    }

    private static String text(BodyFields.Fields body, String field, boolean required, List<FieldViolation> violations) {
        return switch (body.get(field)) {
            case BodyFields.Member.Value value -> (String) value.value();
            case BodyFields.Member.WrongType wrong -> {
                violations.add(new FieldViolation(field, wrong.message()));
                yield null;
            }
            default -> {
                if (required) {
                    violations.add(new FieldViolation(field, "is required"));
                }
                yield null;
            }
        };
    }

    private static Boolean bool(BodyFields.Fields body, String field, List<FieldViolation> violations) {
        return switch (body.get(field)) {
            case BodyFields.Member.Value value -> (Boolean) value.value();
            case BodyFields.Member.WrongType wrong -> {
                violations.add(new FieldViolation(field, wrong.message()));
                yield null;
            }
            case BodyFields.Member.Null cleared -> {
                violations.add(new FieldViolation(field, "must be true or false"));
                yield null;
            }
            case BodyFields.Member.Absent absent -> null;
        };
    }

    private static Role role(BodyFields.Fields body, boolean required, List<FieldViolation> violations) {
        String text = text(body, "role", required, violations);
        if (text == null) {
            return null;
        }
        try {
            return Role.fromWireName(text);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("role", "must be viewer, editor or admin"));
            return null;
        }
    }

    private static Scope scope(BodyFields.Fields body, List<FieldViolation> violations) {
        String text = text(body, "scope", true, violations);
        if (text == null) {
            return null;
        }
        try {
            return Scope.fromWireName(text);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("scope", "must be read, edit or admin"));
            return null;
        }
    }

    private static Instant expiry(BodyFields.Fields body, List<FieldViolation> violations) {
        String text = text(body, "expires_at", false, violations);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("expires_at", "must be a UTC time such as 2027-01-01T00:00:00Z, or null"));
            return null;
        }
    }

    private static void refuseIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.size() == 1 ? "a field of the body is invalid"
                    : violations.size() + " fields of the body are invalid", violations);
        }
    }

    static Map<String, Object> account(Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", account.id());
        view.put("name", account.name());
        view.put("role", account.role().wireName());
        view.put("enabled", account.enabled());
        view.put("created_at", account.createdAt().toString());
        view.put("last_sign_in_at", account.lastSignInAt() == null ? null : account.lastSignInAt().toString());
        return view;
    }

    static Map<String, Object> token(ApiToken token, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("user", token.accountName());
        view.put("name", token.label());
        view.put("scope", token.scope().wireName());
        view.put("status", token.status(now).wireName());
        view.put("created_at", token.createdAt().toString());
        view.put("last_used_at", token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        view.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
        view.put("revoked_at", token.revokedAt() == null ? null : token.revokedAt().toString());
        return view;
    }
}
