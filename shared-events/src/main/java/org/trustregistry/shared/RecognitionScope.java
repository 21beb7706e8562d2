package org.trustregistry.shared;

/**
 * What a federation connection recognizes the remote registry for: a TRQP action (such as
 * {@code issue}) on a resource (such as a credential type).
 */
public record RecognitionScope(String action, String resource) {
}
