/**
 * The customer list payload exactly as Partner Center writes it, and nothing else: {@code @Serdeable} records with
 * every field nullable, read by hand-written micronaut-serde readers ({@link dev.pcorders.adapter.http.wire.WireReader}):
 * unknown properties (the links of a customer and of its profile, billing details a listing may one day carry)
 * skipped unread, PascalCase names accepted, {@code relationshipToPartner} as the raw string. {@link
 * dev.pcorders.adapter.http.wire.WireJson#mapper(String)} with this package finds the readers. Attributes and the
 * collection envelope are the shared records of {@link dev.pcorders.adapter.http.wire}. The mapper in the parent
 * package validates and builds the domain's records from them.
 */
package dev.pcorders.adapter.http.customer.wire;
