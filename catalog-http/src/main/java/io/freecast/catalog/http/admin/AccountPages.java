package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts, for admins only: the list with roles, adding one, another role, disabling and enabling, a new
 * password. Every change goes through {@link AccountAdministration}, which checks the caller again, keeps
 * the last enabled admin, enforces the password rules and audits it. A password typed here is never shown
 * back, not even after an error.
 */
final class AccountPages {

    private final PageContext pages;
    private final AccountAdministration accounts;

    AccountPages(PageContext pages, AccountAdministration accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    void register(AdminRoutes routes) {
        routes.get("/accounts", Scope.ADMIN, this::list)
                .post("/accounts", Scope.ADMIN, this::create)
                .get("/accounts/{name}", Scope.ADMIN, this::detail)
                .post("/accounts/{name}/role", Scope.ADMIN, this::changeRole)
                .post("/accounts/{name}/enabled", Scope.ADMIN, this::setEnabled)
                .post("/accounts/{name}/password", Scope.ADMIN, this::changePassword);
    }

    private AdminResponse list(AdminRequest request) {
        return listPage(request, 200, Map.of("role", "viewer"), Map.of());
    }

    private AdminResponse listPage(AdminRequest request, int status, Map<String, String> typed, Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, "Accounts", "accounts");
        model.put("accounts", accounts.listAccounts(request.session().caller()));
        model.put("form", new FormView(typed, errors, java.util.Set.of(), ""));
        model.put("roles", roles());
        return pages.page(status, "accounts.jte", model);
    }

    private AdminResponse create(AdminRequest request) {
        String name = orEmpty(request.form("name")).strip();
        String roleText = orEmpty(request.form("role"));
        String password = orEmpty(request.form("password"));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", name);
        typed.put("role", roleText);
        Map<String, String> errors = new LinkedHashMap<>();
        // An unknown role goes to the core as none, which reports it with every other broken rule at once.
        Role role = role(roleText, new LinkedHashMap<>());
        if (!password.equals(orEmpty(request.form("password_again")))) {
            errors.put("password_again", "the two passwords differ");
        } else {
            try {
                Account added = accounts.addAccount(request.session().caller(), name, role, password);
                return pages.redirect(request, "/accounts", "Added the account " + added.name() + " (" + added.role().wireName() + ").");
            } catch (InvalidEditException e) {
                errors.putAll(FormView.errorsOf(e.violations()));
            } catch (StorageUnavailableException e) {
                // An import holds the database, or it is away: the name and role stay, the password is typed again.
                return listPage(request, 503, typed, FormView.notSaved(e,
                        "the name and role are kept below; type the password again"));
            }
        }
        return listPage(request, 422, typed, errors);
    }

    private AdminResponse detail(AdminRequest request) {
        return detailPage(request, 200, Map.of());
    }

    private AdminResponse detailPage(AdminRequest request, int status, Map<String, String> errors) {
        Account account = accounts.getAccount(request.session().caller(), name(request));
        Map<String, Object> model = pages.model(request, account.name(), "accounts");
        model.put("account", account);
        model.put("form", new FormView(Map.of(), errors, java.util.Set.of(), ""));
        model.put("roles", roles());
        return pages.page(status, "account.jte", model);
    }

    private AdminResponse changeRole(AdminRequest request) {
        String name = name(request);
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = role(orEmpty(request.form("role")), errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors.get("role"));
        }
        try {
            Account changed = accounts.changeRole(request.session().caller(), name, role);
            return pages.redirect(request, back(request, changed), changed.name() + " is now " + changed.role().wireName() + ".");
        } catch (InvalidEditException e) {
            return pages.redirect(request, back(request, null), "Not changed: " + e.getMessage());
        }
    }

    private AdminResponse setEnabled(AdminRequest request) {
        String name = name(request);
        boolean enabled = "true".equals(request.form("enabled"));
        try {
            Account changed = accounts.setEnabled(request.session().caller(), name, enabled);
            return pages.redirect(request, back(request, changed), changed.name() + (changed.enabled()
                    ? " is enabled again." : " is disabled: it cannot sign in, and its tokens are refused."));
        } catch (InvalidEditException e) {
            return pages.redirect(request, back(request, null), "Not changed: " + e.getMessage());
        }
    }

    private AdminResponse changePassword(AdminRequest request) {
        String name = name(request);
        String password = orEmpty(request.form("password"));
        if (!password.equals(orEmpty(request.form("password_again")))) {
            return detailPage(request, 422, Map.of("password_again", "the two passwords differ"));
        }
        try {
            accounts.changePassword(request.session().caller(), name, password);
        } catch (InvalidEditException e) {
            return detailPage(request, 422, FormView.errorsOf(e.violations()));
        }
        return pages.redirect(request, "/accounts/" + name, "Set a new password for " + name + ".");
    }

    /** Back to the list, or to the account's page when the form came from there. */
    private static String back(AdminRequest request, Account account) {
        String name = account == null ? name(request) : account.name();
        return "detail".equals(request.form("from")) ? "/accounts/" + name : "/accounts";
    }

    /** An account name from the path; the core looks it up (ignoring case) and answers 404 for none. */
    private static String name(AdminRequest request) {
        String name = request.pathParameter("name");
        if (name == null || name.isEmpty() || name.length() > 64) {
            throw new BadRequestException("'" + Html.shorten(name, 40) + "' is not an account name");
        }
        return name;
    }

    private static Role role(String text, Map<String, String> errors) {
        try {
            return Role.fromWireName(text);
        } catch (IllegalArgumentException e) {
            errors.put("role", "is required: viewer, editor or admin");
            return null;
        }
    }

    static List<String> roles() {
        return List.of("viewer", "editor", "admin");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
