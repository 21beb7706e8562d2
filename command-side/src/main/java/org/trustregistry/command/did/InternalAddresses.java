package org.trustregistry.command.did;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a did:web fetch must never reach: this machine, its networks, and whatever is not a
 * public unicast address on the internet (after the IANA special-purpose registries, RFC 6890). IPv6 is
 * allowed only inside global unicast 2000::/3, less its special blocks. Addresses that carry an IPv4
 * address — IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}
 * — are judged by the IPv4 address they lead to: a DNS64 resolver hands out NAT64 addresses for every
 * public IPv4-only host, so refusing the prefix outright would break IPv6-only deployments, while the
 * embedded address is where the packets go.
 */
final class InternalAddresses {

    private record Range(byte[] network, int prefixLength, String name) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0", 8, "this network"),
            range("10.0.0.0", 8, "private"),
            range("100.64.0.0", 10, "shared address space (CGNAT)"),
            range("127.0.0.0", 8, "loopback"),
            range("169.254.0.0", 16, "link-local"),
            range("172.16.0.0", 12, "private"),
            range("192.0.0.0", 24, "IETF protocol assignments"),
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "6to4 relay anycast"),
            range("192.168.0.0", 16, "private"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved or broadcast"));

    private static final Range MAPPED = range("::ffff:0:0", 96, "IPv4-mapped");
    private static final Range NAT64 = range("64:ff9b::", 96, "NAT64");
    private static final Range SIX_TO_FOUR = range("2002::", 16, "6to4");
    private static final Range GLOBAL_UNICAST = range("2000::", 3, "global unicast");

    /** Inside 2000::/3 but not public. */
    private static final List<Range> IPV6_SPECIAL = List.of(
            range("2001:db8::", 32, "documentation"),
            range("2001::", 23, "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
            range("3fff::", 20, "documentation"));

    /** Outside 2000::/3, named where there is a name; every other address there is refused as well. */
    private static final List<Range> IPV6_NAMED = List.of(
            range("::", 128, "unspecified"),
            range("::1", 128, "loopback"),
            range("::", 96, "IPv4-compatible (deprecated)"),
            range("64:ff9b:1::", 48, "local-use NAT64"),
            range("100::", 64, "discard-only"),
            range("fc00::", 7, "unique-local"),
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "site-local (deprecated)"),
            range("ff00::", 8, "multicast"));

    private InternalAddresses() {
    }

    /** The name of the non-public range holding {@code address}; empty when it is a public address. */
    static Optional<String> rangeOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return ipv4(bytes);
        }
        if (MAPPED.contains(bytes)) {
            return embedded(MAPPED, Arrays.copyOfRange(bytes, 12, 16));
        }
        if (NAT64.contains(bytes)) {
            return embedded(NAT64, Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return embedded(SIX_TO_FOUR, Arrays.copyOfRange(bytes, 2, 6));
        }
        if (GLOBAL_UNICAST.contains(bytes)) {
            return IPV6_SPECIAL.stream().filter(r -> r.contains(bytes)).map(Range::name).findFirst();
        }
        return Optional.of(IPV6_NAMED.stream().filter(r -> r.contains(bytes)).map(Range::name).findFirst()
                .orElse("not global unicast (outside 2000::/3)"));
    }

    private static Optional<String> ipv4(byte[] bytes) {
        return IPV4.stream().filter(r -> r.contains(bytes)).map(Range::name).findFirst();
    }

    private static Optional<String> embedded(Range carrier, byte[] ipv4) {
        return ipv4(ipv4).map(name -> carrier.name() + " of a " + name + " IPv4 address");
    }

    private static Range range(String literal, int prefixLength, String name) {
        try {
            // literals only: InetAddress parses them and looks nothing up
            byte[] network = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && network.length == 4) {
                // ::ffff:0:0 comes back as an IPv4 address; the range is of IPv6 addresses
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(network, 0, mapped, 12, 4);
                network = mapped;
            }
            return new Range(network, prefixLength, name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
