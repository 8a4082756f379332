package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bearer token at the door: 401 without or refused, 429 when throttled, 403 for a small scope. */
class BearerAuthenticationTest {

    /** Knows one editor token; refuses everything else, or throttles everyone once told to. */
    static final class OneTokenAuthentication implements Authentication {
        final List<String> asked = new ArrayList<>();
        boolean throttled;

        @Override
        public Caller authenticateToken(String token, String clientAddress, Channel channel) {
            asked.add(token + "@" + clientAddress + "/" + channel);
            if (throttled) {
                throw new TooManyAttemptsException(Duration.ofMillis(2500));
            }
            if (token.equals("cat_editor")) {
                return new Caller(Actor.token(7, "eddie", "ci", channel), Scope.EDIT);
            }
            throw new AuthenticationFailedException();
        }

        @Override
        public Caller signIn(String accountName, String password, String clientAddress, Channel channel) {
            throw new AuthenticationFailedException();
        }

        @Override
        public Caller revalidate(Caller caller) {
            return caller;
        }
    }

    private final OneTokenAuthentication port = new OneTokenAuthentication();
    private final BearerAuthentication bearer = new BearerAuthentication(port);

    @Test
    void aGoodTokenIsTheCallerThroughTheApiChannelCountedUnderTheClientAddress() {
        Caller caller = bearer.require(IfMatchTest.request(Map.of("Authorization", "bearer  cat_editor ")), Scope.EDIT);

        assertThat(caller.actor().label()).isEqualTo("token:eddie/ci");
        assertThat(port.asked).containsExactly("cat_editor@127.0.0.1/API");
    }

    @Test
    void noTokenIs401WithAChallengeWithoutAskingTheCore() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Basic YTpi"),
                Map.of("Authorization", "Bearer "))) {
            assertThatThrownBy(() -> bearer.require(IfMatchTest.request(headers), Scope.READ))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(401);
                        assertThat(problem.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"catalog\"");
                    });
        }
        assertThat(port.asked).isEmpty();
    }

    @Test
    void aRefusedTokenIs401ThatNeverSaysWhy() {
        assertThatThrownBy(() -> bearer.require(IfMatchTest.request(Map.of("Authorization", "Bearer cat_guess")), Scope.READ))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(401);
                    assertThat(problem.detail()).isEqualTo("the bearer token was not accepted");
                    assertThat(problem.headers().get("WWW-Authenticate")).contains("invalid_token");
                });
    }

    @Test
    void aThrottledAddressIs429WithRetryAfterInWholeSeconds() {
        port.throttled = true;

        assertThatThrownBy(() -> bearer.require(IfMatchTest.request(Map.of("Authorization", "Bearer cat_editor")), Scope.READ))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(429);
                    assertThat(problem.headers().get("Retry-After")).isEqualTo("3");
                });
    }

    @Test
    void aScopeTooSmallIs403NamingTheScopeNeeded() {
        assertThatThrownBy(() -> bearer.require(IfMatchTest.request(Map.of("Authorization", "Bearer cat_editor")), Scope.ADMIN))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.detail()).contains("admin").contains("edit");
                    assertThat(problem.headers().get("WWW-Authenticate")).contains("insufficient_scope");
                });
    }
}
