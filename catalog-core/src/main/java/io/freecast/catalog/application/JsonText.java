package io.freecast.catalog.application;

import io.freecast.catalog.domain.Rating;

/**
 * A flat JSON object built field by field, for the audit trail's record of a whole item created or
 * deleted (the core has no JSON library, and needs only this).
 */
final class JsonText {

    private final StringBuilder json = new StringBuilder("{");

    JsonText put(String name, Object value) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(name);
        json.append(':');
        switch (value) {
            case null -> json.append("null");
            case Boolean b -> json.append(b);
            case Integer n -> json.append(n);
            case Long n -> json.append(n);
            case Rating r -> json.append(r.value());
            default -> quote(value.toString());
        }
        return this;
    }

    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
