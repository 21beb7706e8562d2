/**
 * The public API for wallets and verifiers ({@code /v2/public/**}, no key needed): lists of what is
 * trusted right now, in a compact form, and "where is this DID registered?" lookups. Answers are
 * cacheable (Cache-Control, strong ETag, 304) — see {@link org.trustregistry.query.publicapi.PublicCaching}.
 */
package org.trustregistry.query.publicapi;
