package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressKeyTest {

    @Test
    void ipv4AddressesAreKeptAsTheyAre() {
        assertThat(ClientAddressKey.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesCountUnderTheirSlash64() {
        assertThat(ClientAddressKey.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddressKey.of("2001:DB8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddressKey.of("[2001:db8:0001:0002::ffff]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddressKey.of("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddressKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientAddressKey.of("::ffff:192.0.2.1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void hostileOrMissingAddressesBecomeShortPrintableKeys() {
        assertThat(ClientAddressKey.of(null)).isEqualTo("unknown");
        assertThat(ClientAddressKey.of("  ")).isEqualTo("unknown");
        assertThat(ClientAddressKey.of("x".repeat(10_000))).hasSize(64);
        assertThat(ClientAddressKey.of("1.2.3.4\r\nX-Injected: yes")).isEqualTo("1.2.3.4X-Injected:yes");
        assertThat(ClientAddressKey.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(ClientAddressKey.of("::1::2")).isEqualTo("::1::2");
    }
}
