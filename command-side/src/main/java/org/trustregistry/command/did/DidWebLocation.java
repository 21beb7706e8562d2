package org.trustregistry.command.did;

import java.net.URI;

/**
 * Where a did:web DID's document is, as read from the DID alone (nothing looked up yet): https, or plain
 * http for an insecure test host; the host as written (a name, or an insecure host's address), the port
 * and the path.
 */
record DidWebLocation(boolean secure, String host, int port, boolean explicitPort, String path) {

    URI url() {
        return URI.create((secure ? "https" : "http") + "://" + host + (explicitPort ? ":" + port : "") + path);
    }

    /** The Host header: the port only when the DID names one. */
    String hostHeader() {
        return host + (explicitPort ? ":" + port : "");
    }
}
