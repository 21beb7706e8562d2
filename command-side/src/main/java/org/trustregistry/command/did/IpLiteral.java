package org.trustregistry.command.did;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host written as an IP address, in any notation a resolver would take as one. Besides dotted quads,
 * the C library's {@code inet_aton} (which {@code getaddrinfo}, and so the JDK, falls back on) reads one to
 * four parts, each decimal, octal ({@code 0…}) or hexadecimal ({@code 0x…}), the last part filling the
 * remaining bytes: {@code 2130706433}, {@code 017700000001}, {@code 0x7f.1} and {@code 127.1} are all
 * 127.0.0.1, and {@code 0} is 0.0.0.0. IPv6 literals come in brackets ({@code [::1]}). Reading them the
 * way the resolver does is what lets the registry refuse them before anything is looked up or connected.
 */
final class IpLiteral {

    private static final Pattern PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+");

    private IpLiteral() {
    }

    /** The address {@code host} denotes if it is an IP literal in any notation; empty for a name. */
    static Optional<InetAddress> parse(String host) {
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            return ipv6(host.substring(1, host.length() - 1));
        }
        return ipv4(host);
    }

    /**
     * Whether a host that is no IP literal still cannot be a domain name because its last label is all
     * digits (RFC 3696 section 2: top-level domains are never all-numeric) — {@code 1.2.3.999}, {@code 08.1}.
     * Such a host is a mistyped address, and a resolver might still read it as one.
     */
    static boolean hasNumericTopLabel(String host) {
        return NUMERIC_LABEL.matcher(host.substring(host.lastIndexOf('.') + 1)).matches();
    }

    private static Optional<InetAddress> ipv6(String text) {
        // Only literal characters, so that InetAddress parses it and never looks a name up.
        if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName("[" + text + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** inet_aton: a.b.c.d, a.b.c (c: 16 bits), a.b (b: 24 bits), a (32 bits). */
    private static Optional<InetAddress> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!PART.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
            values[i] = value(parts[i]);
            if (values[i] < 0) {
                return Optional.empty();
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** The part's value, or -1 when it overflows 32 bits (inet_aton refuses those). */
    private static long value(String part) {
        String digits;
        int radix;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        } else {
            digits = part;
            radix = 10;
        }
        // leading zeros do not count towards overflow
        digits = digits.replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty()) {
            return 0; // "0x": inet_aton reads it as 0
        }
        if (digits.length() > 11) {
            return -1;
        }
        long value = Long.parseLong(digits, radix);
        return value > 0xffffffffL ? -1 : value;
    }
}
