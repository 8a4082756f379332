package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://127.9.9.9:8080/x", "http://[::1]/", "http://localhost/",
        "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://224.0.0.1/",
        "http://[::ffff:127.0.0.1]/"})
    void refusesNonPublicTargets(String url) {
        assertThatThrownBy(() -> new TargetGuard(false).check(URI.create(url)))
                .isInstanceOf(BlockedTargetException.class)
                .hasMessageContaining(OutboundHttpSettings.ALLOW_PRIVATE_TARGETS);
    }

    @Test
    void refusesAHostNameThatResolvesToAPrivateAddressAmongPublicOnes() {
        TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
            InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})});
        assertThatThrownBy(() -> guard.check(URI.create("https://rebind.example.org/feed.json")))
                .isInstanceOf(BlockedTargetException.class)
                .hasMessageContaining("rebind.example.org")
                .hasMessageContaining("10.1.2.3");
    }

    @Test
    void allowsPublicAddresses() {
        TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})});
        assertThatCode(() -> guard.check(URI.create("https://feeds.example.org/shows.json"))).doesNotThrowAnyException();
    }

    @Test
    void allowsEverythingWhenPrivateTargetsAreAllowed() {
        assertThatCode(() -> new TargetGuard(true).check(URI.create("http://127.0.0.1:9/"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1/", "http:///nohost"})
    void refusesWhatIsNotAnHttpUrlWithAHost(String url) {
        assertThatThrownBy(() -> new TargetGuard(true).check(URI.create(url)))
                .isInstanceOf(BlockedTargetException.class);
    }
}
