package org.trustregistry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client address of a request, for rate limits and the audit of refusals: the peer of the connection,
 * unless that peer is one of {@code trust-registry.http.trusted-proxies}; then X-Forwarded-For is read from
 * the right, past the trusted proxies, and the first address that is not one is the client. Only the entry a
 * trusted proxy appended is believed: anyone can write X-Forwarded-For, so without the setting (the default)
 * the header chooses nothing. An entry that is not an IP address (a name, garbage, a port) stops the walk at
 * the hop that passed it on. Addresses are never looked up in DNS.
 */
@Component
public class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName();
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** An address or an address block (CIDR), as configured. */
    record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            String trimmed = text.trim();
            int slash = trimmed.indexOf('/');
            InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("trust-registry.http.trusted-proxies: '" + text
                        + "' is not an IP address or an address block (192.0.2.0/24, 2001:db8::/32)");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("trust-registry.http.trusted-proxies: '" + text
                            + "' has a prefix length outside 0.." + bits);
                }
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> configured;
    private volatile List<Block> trusted;

    ClientAddresses(@Value("${trust-registry.http.trusted-proxies:}") List<String> trustedProxies) {
        this.configured = blocks(trustedProxies);
        this.trusted = configured;
    }

    /** The client address of this request (computed once per request). */
    public String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String address = resolve(request);
        request.setAttribute(ATTRIBUTE, address);
        return address;
    }

    /** Replaces the trusted proxies while running (tests); {@link #reset()} restores the configured ones. */
    public void trustProxies(List<String> proxies) {
        trusted = blocks(proxies);
    }

    public void reset() {
        trusted = configured;
    }

    private String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        List<Block> proxies = trusted;
        InetAddress hop = literal(peer);
        if (proxies.isEmpty() || hop == null || !isTrusted(hop, proxies)) {
            return peer;
        }
        String client = peer;
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress entry = literal(forwarded.get(i));
            if (entry == null) {
                return client; // not an address: the hop that passed it on is all we know
            }
            client = entry.getHostAddress();
            if (!isTrusted(entry, proxies)) {
                return client;
            }
        }
        return client;
    }

    /** The X-Forwarded-For entries, left to right, over every occurrence of the header. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
        if (headers == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String entry : header.split(",", -1)) {
                entries.add(withoutWhiteSpace(entry));
            }
        }
        return entries;
    }

    /** Without the spaces and tabs around it (HTTP's optional white space), and nothing else. */
    private static String withoutWhiteSpace(String entry) {
        int start = 0;
        int end = entry.length();
        while (start < end && (entry.charAt(start) == ' ' || entry.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (entry.charAt(end - 1) == ' ' || entry.charAt(end - 1) == '\t')) {
            end--;
        }
        return entry.substring(start, end);
    }

    private static boolean isTrusted(InetAddress address, List<Block> proxies) {
        for (Block block : proxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address written as an IPv4 dotted quad or an IPv6 literal, else null; never a DNS look-up. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<Block> blocks(List<String> proxies) {
        return proxies == null ? List.of()
                : proxies.stream().filter(p -> !p.isBlank()).map(Block::parse).toList();
    }
}
