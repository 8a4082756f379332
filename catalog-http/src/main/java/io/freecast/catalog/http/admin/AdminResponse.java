package io.freecast.catalog.http.admin;

/** What a page answers: an HTML page, a redirect after a form (post/redirect/get), or a bundled file. */
sealed interface AdminResponse {

    record Page(int status, byte[] html) implements AdminResponse {
    }

    /** 303 See Other, so a reload of the next page never posts the form again. */
    record Redirect(String location) implements AdminResponse {
    }

    /** Signed in: the new session's cookie, then on to {@code location}. */
    record SignedIn(String sessionId, String location) implements AdminResponse {
    }

    /** Signed out: the cookie expired, then on to {@code location}. */
    record SignedOut(String location) implements AdminResponse {
    }

    record Asset(byte[] bytes, String contentType) implements AdminResponse {
    }
}
