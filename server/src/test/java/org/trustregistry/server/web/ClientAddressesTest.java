package org.trustregistry.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The client address: the peer, unless a trusted proxy forwarded the request. */
class ClientAddressesTest {

    private static String client(List<String> trusted, String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return new ClientAddresses(trusted).of(request);
    }

    @Test
    void without_trusted_proxies_the_header_chooses_nothing() {
        assertThat(client(List.of(), "192.0.2.1", "203.0.113.5")).isEqualTo("192.0.2.1");
        assertThat(client(List.of(""), "192.0.2.1", "203.0.113.5")).isEqualTo("192.0.2.1");
    }

    @Test
    void from_a_trusted_proxy_the_first_untrusted_hop_from_the_right_is_the_client() {
        List<String> proxies = List.of("10.0.0.0/8", "2001:db8:1::/48");
        assertThat(client(proxies, "10.1.2.3", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(client(proxies, "10.1.2.3", "198.51.100.1, 203.0.113.5, 10.9.9.9")).isEqualTo("203.0.113.5");
        assertThat(client(proxies, "10.1.2.3", "198.51.100.1", "203.0.113.5")).as("two headers").isEqualTo("203.0.113.5");
        assertThat(client(proxies, "2001:db8:1::7", "2001:DB8:2::1")).isEqualTo("2001:db8:2:0:0:0:0:1");
        assertThat(client(proxies, "10.1.2.3", "10.0.0.1, 10.0.0.2")).as("all trusted: the first").isEqualTo("10.0.0.1");
        assertThat(client(proxies, "192.0.2.1", "203.0.113.5")).as("not from a proxy").isEqualTo("192.0.2.1");
        assertThat(client(proxies, "10.1.2.3")).as("no header").isEqualTo("10.1.2.3");
    }

    @Test
    void an_entry_that_is_no_address_stops_at_the_hop_that_passed_it_on() {
        List<String> proxies = List.of("10.0.0.0/8");
        for (String garbage : List.of("localhost", "evil.example", "2130706433", "127.1", "0x7f.0.0.1",
                "203.0.113.5:443", "[::1]", "fe80::1%eth0", "", "unknown", "203.0.113.5\u0000")) {
            assertThat(client(proxies, "10.1.2.3", garbage)).as(garbage).isEqualTo("10.1.2.3");
        }
        assertThat(client(proxies, "10.1.2.3", "203.0.113.5, garbage, 10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void a_trusted_proxy_setting_that_is_no_address_is_refused_at_start_up() {
        for (String wrong : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
            assertThatThrownBy(() -> new ClientAddresses(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted-proxies");
        }
    }
}
