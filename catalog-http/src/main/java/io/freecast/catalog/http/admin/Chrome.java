package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;

/**
 * What every page's frame needs: its title, which section of the navigation is current, who is signed in
 * with which rights, the CSRF token for its forms, and a one-time message.
 *
 * @param user  the signed-in account's name; {@code null} on the sign-in page
 * @param csrf  the session's synchronizer token; {@code null} without a session
 * @param flash a message from the previous action ("Saved."); {@code null} for none
 */
record Chrome(String title, String section, String user, String role, String csrf, boolean canEdit,
              boolean canRunTasks, String flash) {

    static Chrome of(Session session, String title, String section, String flash) {
        if (session == null) {
            return new Chrome(title, section, null, null, null, false, false, flash);
        }
        Scope scope = session.caller().scope();
        String role = switch (scope) {
            case READ -> "viewer";
            case EDIT -> "editor";
            case ADMIN -> "admin";
        };
        return new Chrome(title, section, session.name(), role, session.csrfToken(), scope.includes(Scope.EDIT),
                scope.includes(Scope.ADMIN), flash);
    }
}
