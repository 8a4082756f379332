package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session cookie's flags and the client's address, by who sent the request and how. */
class SessionCookieTest {

    private final AdminSettings settings = new AdminSettings("/admin", Duration.ofMinutes(30), Duration.ofSeconds(30),
            Set.of("10.0.0.1"), new TestAccounts());
    private final AdminHandler handler = new AdminHandler(new AdminRoutes(),
            new Sessions(Duration.ofMinutes(30), Clock.systemUTC()), new Templates(), settings);

    private static HttpServerExchange request(String from, String scheme, String forwardedProto, String forwardedFor) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(from, 40_000));
        exchange.setRequestScheme(scheme);
        if (forwardedProto != null) {
            exchange.getRequestHeaders().put(new HttpString("X-Forwarded-Proto"), forwardedProto);
        }
        if (forwardedFor != null) {
            exchange.getRequestHeaders().put(new HttpString("X-Forwarded-For"), forwardedFor);
        }
        return exchange;
    }

    @Test
    void alwaysHttpOnlyStrictAndScopedToTheAdmin() {
        String cookie = handler.sessionCookie(request("192.0.2.9", "http", null, null), "abc", false);
        assertThat(cookie).isEqualTo("catalog_admin=abc; Path=/admin; HttpOnly; SameSite=Strict");
    }

    @Test
    void secureOverHttpsDirectly() {
        assertThat(handler.sessionCookie(request("192.0.2.9", "https", null, null), "abc", false)).endsWith("; Secure");
    }

    @Test
    void secureWhenTheTrustedProxySaysHttpsAndOnlyThen() {
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", "https", null), "abc", false)).endsWith("; Secure");
        assertThat(handler.sessionCookie(request("10.0.0.2", "http", "https", null), "abc", false)).doesNotContain("Secure");
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", "http", null), "abc", false)).doesNotContain("Secure");
    }

    @Test
    void theClientIsWhoTheTrustedProxySaysAndNobodyElseCanSayIt() {
        assertThat(handler.clientAddress(request("10.0.0.1", "http", null, "203.0.113.5, 10.0.0.7"))).isEqualTo("10.0.0.7");
        assertThat(handler.clientAddress(request("10.0.0.1", "http", null, "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(handler.clientAddress(request("192.0.2.9", "http", null, "203.0.113.5"))).isEqualTo("192.0.2.9");
    }

    @Test
    void theProxysOwnValueIsTheLastAndGarbageIsNeverAnAddress() {
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", "http, https", null), "abc", false)).endsWith("; Secure");
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", "https, http", null), "abc", false)).doesNotContain("Secure");
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", "https\u0000", null), "abc", false)).doesNotContain("Secure");
        assertThat(handler.sessionCookie(request("10.0.0.1", "http", ",,,", null), "abc", false)).doesNotContain("Secure");
        assertThat(handler.clientAddress(request("10.0.0.1", "http", null, "2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(handler.clientAddress(request("10.0.0.1", "http", null, "::ffff:192.0.2.1"))).isEqualTo("::ffff:192.0.2.1");
        for (String garbage : new String[] {"<script>", "unknown", "x".repeat(10_000), "1.2.3.4 ; DROP", ",", " ", "cafe", "localhost", "1.2.3", "::1 x"}) {
            assertThat(handler.clientAddress(request("10.0.0.1", "http", null, garbage))).as(garbage).isEqualTo("10.0.0.1");
        }
    }

    @Test
    void signingOutExpiresTheCookie() {
        assertThat(handler.sessionCookie(request("192.0.2.9", "http", null, null), "", true)).endsWith("; Max-Age=0");
    }
}
