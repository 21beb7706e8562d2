package org.trustregistry.command.did;

import java.util.List;
import java.util.Map;

/** What a DID resolved to: its public keys as JWKs, and where they came from. */
record Resolution(List<Map<String, Object>> publicKeys, String source) {
}
