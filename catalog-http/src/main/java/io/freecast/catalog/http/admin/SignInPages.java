package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import io.freecast.catalog.domain.Scope;
import java.util.Map;

/** Signing in with an account name and password, and signing out. */
final class SignInPages {

    private final PageContext pages;

    SignInPages(PageContext pages) {
        this.pages = pages;
    }

    void register(AdminRoutes routes) {
        routes.publicGet("/sign-in", this::form)
                .publicPost("/sign-in", this::signIn)
                .post("/sign-out", Scope.READ, this::signOut);
    }

    private AdminResponse form(AdminRequest request) {
        if (request.session() != null) {
            return new AdminResponse.Redirect(pages.url("/"));
        }
        return pages.page("signin.jte", model(request, "", null, safeNext(request.query("next"))));
    }

    private AdminResponse signIn(AdminRequest request) {
        String name = request.form("name");
        String password = request.form("password");
        String next = safeNext(request.form("next"));
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            return pages.page(400, "signin.jte", model(request, name, "Enter your account name and password.", next));
        }
        Caller caller;
        try {
            caller = pages.settings().authentication().signIn(name.strip(), password, request.clientAddress(),
                    Channel.WEB);
        } catch (TooManyAttemptsException e) {
            return pages.page(429, "signin.jte", model(request, name, "Too many failed attempts: wait "
                    + e.retryAfterSeconds() + " s, then try again.", next));
        } catch (AuthenticationFailedException e) {
            // The same words whatever was wrong: nobody learns which account names exist.
            return pages.page(401, "signin.jte", model(request, name, "That account name and password do not match.", next));
        }
        if (request.session() != null) {
            pages.sessions().close(request.session());
        }
        // A new id at every sign-in: a session id planted before signing in is worth nothing after.
        return new AdminResponse.SignedIn(pages.sessions().open(caller), next);
    }

    private AdminResponse signOut(AdminRequest request) {
        pages.sessions().close(request.session());
        return new AdminResponse.SignedOut(pages.url("/sign-in?signed_out=1"));
    }

    private Map<String, Object> model(AdminRequest request, String name, String error, String next) {
        Map<String, Object> model = pages.model(request, "Sign in", "sign-in");
        model.put("name", name == null ? "" : name);
        model.put("error", error);
        model.put("next", next);
        model.put("signedOut", "1".equals(request.query("signed_out")));
        return model;
    }

    /** Only a path inside the admin: "next" can never send someone to another site. */
    private String safeNext(String next) {
        String home = pages.url("/");
        if (next == null || !next.startsWith(pages.url("/")) || next.startsWith("//") || next.contains("\\")
                || next.contains("/../") || next.length() > 2000) {
            return home;
        }
        return next;
    }
}
