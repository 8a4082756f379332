package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API tokens, for admins only: every account's tokens with their status (never a value), creating one
 * with a scope and an optional expiry, revoking. A new token's value is on the page that answers the
 * creating form and nowhere else — not in a redirect, a message kept for the next page, a log or the
 * audit trail — and the page says to copy it now. Every change goes through {@link TokenAdministration},
 * which checks the caller again, caps the scope at the account's role and audits it.
 */
final class TokenPages {

    private final PageContext pages;
    private final AccountAdministration accounts;
    private final TokenAdministration tokens;

    TokenPages(PageContext pages, AccountAdministration accounts, TokenAdministration tokens) {
        this.pages = pages;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    void register(AdminRoutes routes) {
        routes.get("/tokens", Scope.ADMIN, this::list)
                .post("/tokens", Scope.ADMIN, this::create)
                .post("/tokens/{id}/revoke", Scope.ADMIN, this::revoke);
    }

    private AdminResponse list(AdminRequest request) {
        String user = request.query("user");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("user", user == null ? "" : user);
        typed.put("scope", "read");
        return listPage(request, 200, typed, Map.of(), null);
    }

    /**
     * @param issued a token just created, whose value this page shows once; {@code null} otherwise
     */
    private AdminResponse listPage(AdminRequest request, int status, Map<String, String> typed, Map<String, String> errors,
                                   IssuedToken issued) {
        String user = blankToNull(request.query("user"));
        if (user != null && user.length() > 64) {
            throw new BadRequestException("user must be an account name of at most 64 characters");
        }
        Map<String, Object> model = pages.model(request, "API tokens", "tokens");
        List<ApiToken> listed;
        try {
            listed = tokens.listTokens(request.session().caller(), user);
        } catch (ItemNotFoundException e) {
            listed = List.of();
            model.put("chrome", Chrome.of(request.session(), "API tokens", "tokens", "There is no account named " + user + "."));
        }
        model.put("tokens", listed);
        model.put("user", user == null ? "" : user);
        model.put("now", Instant.now());
        model.put("accountNames", accounts.listAccounts(request.session().caller()).stream().map(a -> a.name()).toList());
        model.put("form", new FormView(typed, errors, java.util.Set.of(), ""));
        model.put("issued", issued);
        return pages.page(status, "tokens.jte", model);
    }

    private AdminResponse create(AdminRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("user", "name", "scope", "expires")) {
            typed.put(field, request.form(field) == null ? "" : request.form(field).strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Scope scope = null;
        try {
            scope = Scope.fromWireName(typed.get("scope"));
        } catch (IllegalArgumentException e) {
            errors.put("scope", "is required: read, edit or admin");
        }
        Instant expires = null;
        if (!typed.get("expires").isEmpty()) {
            try {
                // The start of that day in UTC, as the form's note says.
                expires = LocalDate.parse(typed.get("expires")).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("expires", "must be a date such as 2027-06-01, or empty for never");
            }
        }
        if (typed.get("user").isEmpty()) {
            errors.put("user", "is required: whose token it is");
        }
        if (errors.isEmpty()) {
            try {
                IssuedToken issued = tokens.createToken(request.session().caller(),
                        new NewToken(typed.get("user"), typed.get("name"), scope, expires));
                // Answered here, not redirected: the value must not outlive this one response.
                Map<String, String> fresh = new LinkedHashMap<>();
                fresh.put("user", issued.token().accountName());
                fresh.put("scope", "read");
                return listPage(request, 201, fresh, Map.of(), issued);
            } catch (InvalidEditException e) {
                FormView.errorsOf(e.violations()).forEach((field, message) ->
                        errors.put(field.equals("expires_at") ? "expires" : field, message));
            } catch (ItemNotFoundException e) {
                errors.put("user", "there is no such account");
            } catch (StorageUnavailableException e) {
                return listPage(request, 503, typed, FormView.notSaved(e), null);
            }
        }
        return listPage(request, 422, typed, errors, null);
    }

    private AdminResponse revoke(AdminRequest request) {
        long id = request.id("id");
        ApiToken revoked = tokens.revokeToken(request.session().caller(), id);
        String user = request.form("user");
        return pages.redirect(request, "/tokens" + Html.query(Html.params("user", user == null ? "" : user)),
                "Revoked token #" + revoked.id() + " “" + revoked.label() + "” of " + revoked.accountName()
                        + ": it is refused from the next request on.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
