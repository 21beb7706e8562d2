/**
 * The strict edge (DESIGN.md §7, issue 7): what a request may contain, checked before anything reads
 * it, with one rule per kind of value (the rules themselves live in {@code org.trustregistry.shared}):
 * <ul>
 * <li>{@link RequestScreenFilter}: the path and the query string decode strictly (UTF-8, no NUL or
 * control characters), and a body is {@code application/json} or 415;</li>
 * <li>{@link JsonBodyScreen}: every JSON body is valid UTF-8 and valid JSON, every string and member name
 * in it valid text, numbers finite, no duplicate members, nesting bounded;</li>
 * <li>{@link StrictJson}: how bodies become request records: exact JSON types, no coercion, unknown
 * members refused, single-line strings unless {@code @FreeText}, RFC 3339 Z times, canonical UUIDs, exact
 * enum names;</li>
 * <li>{@link StrictParameterConversion}: numbers and UUIDs in paths and query strings;</li>
 * <li>{@link ProblemErrorController} and {@link ProblemErrorReportValve}: errors that Spring MVC's
 * exception handlers never see (Tomcat's own, filters') are problem details too.</li>
 * </ul>
 */
package org.trustregistry.server.edge;
