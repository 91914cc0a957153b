/**
 * The subscriptions payload exactly as Partner Center writes it, and nothing else: {@code @Serdeable}
 * records with every field nullable, read by hand-written micronaut-serde readers ({@link
 * dev.pcorders.adapter.http.wire.WireReader}): unknown properties ignored, PascalCase names accepted, dates and enums
 * as the raw strings, {@code quantity} only as a JSON whole number. {@link
 * dev.pcorders.adapter.http.wire.WireJson#mapper(String)} with this package finds the readers. Links, attributes and
 * the collection envelope are the shared records of {@link dev.pcorders.adapter.http.wire}. The mapper in the parent
 * package validates and builds the domain's records from them.
 */
package dev.pcorders.adapter.http.subscription.wire;
