package org.trustregistry.command.did;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading every notation of an IP address as the resolver would, and telling internal from public. */
class InternalAddressesTest {

    private static final Map<String, String> INTERNAL = Map.ofEntries(
            Map.entry("2130706433", "127.0.0.1"),
            Map.entry("017700000001", "127.0.0.1"),
            Map.entry("0x7f000001", "127.0.0.1"),
            Map.entry("0X7F000001", "127.0.0.1"),
            Map.entry("0x7f.1", "127.0.0.1"),
            Map.entry("127.1", "127.0.0.1"),
            Map.entry("127.0.1", "127.0.0.1"),
            Map.entry("0177.0.0.01", "127.0.0.1"),
            Map.entry("0x7f.0x0.0.0x1", "127.0.0.1"),
            Map.entry("127.000.000.001", "127.0.0.1"),
            Map.entry("0", "0.0.0.0"),
            Map.entry("0x", "0.0.0.0"),
            Map.entry("0.0.0.0", "0.0.0.0"),
            Map.entry("10.1", "10.0.0.1"),
            Map.entry("167772161", "10.0.0.1"),
            Map.entry("172.31.255.255", "172.31.255.255"),
            Map.entry("192.168.1", "192.168.0.1"),
            Map.entry("169.254.169.254", "169.254.169.254"),
            Map.entry("100.64.0.1", "100.64.0.1"),
            Map.entry("198.18.0.1", "198.18.0.1"),
            Map.entry("224.0.0.1", "224.0.0.1"),
            Map.entry("255.255.255.255", "255.255.255.255"),
            Map.entry("4294967295", "255.255.255.255"),
            Map.entry("[::1]", "0:0:0:0:0:0:0:1"),
            Map.entry("[::]", "0:0:0:0:0:0:0:0"),
            Map.entry("[::ffff:127.0.0.1]", "127.0.0.1"),
            Map.entry("[::ffff:7f00:1]", "127.0.0.1"),
            Map.entry("[::127.0.0.1]", "0:0:0:0:0:0:7f00:1"),
            Map.entry("[64:ff9b::7f00:1]", "64:ff9b:0:0:0:0:7f00:1"),
            Map.entry("[64:ff9b::10.0.0.1]", "64:ff9b:0:0:0:0:a00:1"),
            Map.entry("[2002:7f00:1::1]", "2002:7f00:1:0:0:0:0:1"),
            Map.entry("[2002:c0a8:101::]", "2002:c0a8:101:0:0:0:0:0"),
            Map.entry("[fd00::1]", "fd00:0:0:0:0:0:0:1"),
            Map.entry("[fe80::1]", "fe80:0:0:0:0:0:0:1"),
            Map.entry("[ff02::1]", "ff02:0:0:0:0:0:0:1"),
            Map.entry("[2001:db8::1]", "2001:db8:0:0:0:0:0:1"),
            Map.entry("[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "2001:0:4136:e378:8000:63bf:3fff:fdd2"),
            Map.entry("[100::1]", "100:0:0:0:0:0:0:1"));

    private static final Map<String, String> PUBLIC = Map.of(
            "8.8.8.8", "8.8.8.8",
            "134744072", "8.8.8.8",
            "0x8.0x8.0x8.0x8", "8.8.8.8",
            "1.1", "1.0.0.1",
            "[2606:4700:4700::1111]", "2606:4700:4700:0:0:0:0:1111",
            "[64:ff9b::808:808]", "64:ff9b:0:0:0:0:808:808",
            "[2002:808:808::1]", "2002:808:808:0:0:0:0:1",
            "[::ffff:8.8.8.8]", "8.8.8.8");

    @Test
    void every_notation_of_an_internal_address_is_read_as_that_address_and_is_internal() {
        INTERNAL.forEach((host, address) -> {
            Optional<InetAddress> parsed = IpLiteral.parse(host);
            assertThat(parsed).as(host).isPresent();
            assertThat(parsed.get().getHostAddress()).as(host).isEqualTo(address);
            assertThat(InternalAddresses.rangeOf(parsed.get())).as(host).isPresent();
        });
    }

    @Test
    void public_addresses_in_any_notation_are_read_and_are_not_internal() {
        PUBLIC.forEach((host, address) -> {
            Optional<InetAddress> parsed = IpLiteral.parse(host);
            assertThat(parsed).as(host).isPresent();
            assertThat(parsed.get().getHostAddress()).as(host).isEqualTo(address);
            assertThat(InternalAddresses.rangeOf(parsed.get())).as(host).isEmpty();
        });
    }

    @Test
    void the_range_is_named() throws Exception {
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("127.0.0.1"))).contains("loopback");
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("100.100.100.100")))
                .contains("shared address space (CGNAT)");
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("fd12::1"))).contains("unique-local");
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("64:ff9b::a9fe:a9fe")))
                .contains("NAT64 of a link-local IPv4 address");
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("2002:0a00:0001::")))
                .contains("6to4 of a private IPv4 address");
        assertThat(InternalAddresses.rangeOf(InetAddress.getByName("4000::1")))
                .contains("not global unicast (outside 2000::/3)");
    }

    @Test
    void the_edges_of_the_ranges_are_where_they_should_be() throws Exception {
        for (String inside : new String[] {"172.16.0.0", "172.31.255.255", "100.127.255.255", "198.19.255.255",
                "239.255.255.255", "192.0.0.255"}) {
            assertThat(InternalAddresses.rangeOf(InetAddress.getByName(inside))).as(inside).isPresent();
        }
        for (String outside : new String[] {"172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
                "198.17.255.255", "198.20.0.0", "192.0.1.0", "11.0.0.0", "126.255.255.255", "128.0.0.0",
                "223.255.255.255", "2001:200::1", "3ffe::1"}) {
            assertThat(InternalAddresses.rangeOf(InetAddress.getByName(outside))).as(outside).isEmpty();
        }
    }

    @Test
    void names_and_what_no_resolver_reads_as_an_address_are_not_ip_literals() {
        for (String host : new String[] {"example.com", "did.example", "1.2.3.4.5", "256.1.1.1", "1.256.1.1",
                "08.1.1.1", "0x1g", "4294967296", "0x100000000", "1.16777216", "[example.com]", "[::1%25eth0]",
                "[1.2.3.4]", ""}) {
            assertThat(IpLiteral.parse(host)).as(host).isEmpty();
        }
        assertThat(IpLiteral.hasNumericTopLabel("1.2.3.4.5")).isTrue();
        assertThat(IpLiteral.hasNumericTopLabel("256.1.1.1")).isTrue();
        assertThat(IpLiteral.hasNumericTopLabel("example.com")).isFalse();
        assertThat(IpLiteral.hasNumericTopLabel("123.example")).isFalse();
    }
}
