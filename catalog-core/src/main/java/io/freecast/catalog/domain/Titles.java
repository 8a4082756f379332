package io.freecast.catalog.domain;

/** The rule every show and movie title follows. */
final class Titles {

    /** Long enough for any real title, short enough that a 200 KB "title" is rejected, not stored. */
    static final int MAX_LENGTH = 500;

    private Titles() {
    }

    static String require(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a title is required");
        }
        String stripped = title.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("title is longer than " + MAX_LENGTH + " characters");
        }
        return stripped;
    }
}
