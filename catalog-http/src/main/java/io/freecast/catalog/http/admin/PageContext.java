package io.freecast.catalog.http.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every page class shares: the templates, the sessions (for flash messages) and the settings. */
record PageContext(Templates templates, Sessions sessions, AdminSettings settings) {

    /** A model with the page's chrome in it, taking the session's one-time message. */
    Map<String, Object> model(AdminRequest request, String title, String section) {
        Map<String, Object> model = new LinkedHashMap<>();
        String flash = request.session() == null ? null : sessions.takeFlash(request.session());
        model.put("chrome", Chrome.of(request.session(), title, section, flash));
        return model;
    }

    AdminResponse page(String template, Map<String, Object> model) {
        return templates.page(template, model);
    }

    AdminResponse page(int status, String template, Map<String, Object> model) {
        return templates.page(status, template, model);
    }

    /** post/redirect/get with a message for the next page. */
    AdminResponse redirect(AdminRequest request, String path, String flash) {
        if (flash != null && request.session() != null) {
            sessions.flash(request.session(), flash);
        }
        return new AdminResponse.Redirect(settings.prefix() + path);
    }

    String url(String path) {
        return settings.prefix() + path;
    }
}
