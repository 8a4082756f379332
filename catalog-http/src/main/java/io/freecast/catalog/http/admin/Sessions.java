package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The admin's sessions, in this process's memory. A session id is 256 random bits from {@link SecureRandom};
 * only its SHA-256 is kept, so a heap dump or a log of this map gives nobody a usable cookie. A session
 * unused for the idle timeout is gone.
 *
 * <p>Kept in memory on purpose for a first version: a restart signs everyone out, and with several nodes
 * behind one address a load balancer must keep a browser on one node (sticky sessions).
 */
final class Sessions {

    /** More live sessions than this is an attack, not a team of operators; the oldest idle ones go first. */
    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Session> byIdHash = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> flashes = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    Sessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A signed-in caller's new session; returns the id for the cookie (the only place it exists in clear). */
    String open(Caller caller) {
        evictExpired();
        String id = randomToken();
        Instant now = clock.instant();
        String hash = hash(id);
        byIdHash.put(hash, new Session(hash, caller, randomToken(), now, now));
        return id;
    }

    /** The live session behind a cookie's id, touched now; empty when unknown or idle too long (then removed). */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(id);
        Session session = byIdHash.get(hash);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byIdHash.remove(hash, session);
            return Optional.empty();
        }
        Session touched = session.seenAt(now);
        byIdHash.replace(hash, session, touched);
        return Optional.of(touched);
    }

    /** Keeps a changed session (its caller re-checked), unless it was closed meanwhile. */
    void replace(Session session) {
        byIdHash.computeIfPresent(session.idHash(), (hash, old) -> session);
    }

    void close(Session session) {
        byIdHash.remove(session.idHash());
        flashes.remove(session.idHash());
    }

    /** A one-line message for the session's next page ("Saved."), shown once. */
    void flash(Session session, String message) {
        flashes.put(session.idHash(), message);
    }

    String takeFlash(Session session) {
        return flashes.remove(session.idHash());
    }

    Instant now() {
        return clock.instant();
    }

    int size() {
        return byIdHash.size();
    }

    private boolean expired(Session session, Instant now) {
        return !session.lastSeen().plus(idleTimeout).isAfter(now);
    }

    private void evictExpired() {
        Instant now = clock.instant();
        byIdHash.values().removeIf(s -> expired(s, now));
        flashes.keySet().retainAll(byIdHash.keySet());
        if (byIdHash.size() >= MAX_SESSIONS) {
            byIdHash.values().stream().min(java.util.Comparator.comparing(Session::lastSeen))
                    .ifPresent(oldest -> byIdHash.remove(oldest.idHash()));
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant-time comparison of a form's CSRF token with the session's. */
    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
