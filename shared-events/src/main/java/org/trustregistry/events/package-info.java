/**
 * The events: the contract with auditors. Each is a self-contained fact in the past tense, versioned
 * with {@code @Revision} from the first release and never edited afterwards (add an upcaster instead).
 * Times are instants (stored as ISO-8601 strings); actors are API key ids, or "system".
 */
package org.trustregistry.events;
