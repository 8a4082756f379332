package io.freecast.catalog.http.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * The admin's jte templates, compiled to Java at build time (no template compiler at run time, and a
 * template that does not type-check fails the build). Every {@code ${…}} is HTML-escaped for where it
 * stands (element text, attribute value), so nothing a record holds can become markup.
 */
final class Templates {

    static final String PACKAGE = "io.freecast.catalog.http.admin";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), PACKAGE);

    Templates() {
        engine.setBinaryStaticContent(true);
    }

    byte[] render(String template, Map<String, Object> model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, model, out);
        return out.toByteArray();
    }

    AdminResponse page(String template, Map<String, Object> model) {
        return new AdminResponse.Page(200, render(template, model));
    }

    AdminResponse page(int status, String template, Map<String, Object> model) {
        return new AdminResponse.Page(status, render(template, model));
    }
}
