/**
 * The orders payload exactly as Partner Center writes it, and nothing else: {@code @Serdeable}
 * records with every field nullable, read leniently (unknown properties ignored, PascalCase names
 * accepted, numbers as BigDecimal, dates and enums as the raw strings) by hand-written micronaut-serde
 * readers ({@link dev.pcorders.adapter.http.wire.WireReader}) through {@link
 * dev.pcorders.adapter.http.wire.WireJson#mapper(String)} with this package. Attributes and the collection envelope
 * are the shared records of {@link dev.pcorders.adapter.http.wire}. The mapper in the parent package
 * validates and builds the domain's records from them. Links are the exception: they need no check, so an order's
 * and a line item's are read straight into the domain's records ({@link
 * dev.pcorders.adapter.http.wire.LinkReader}), not built twice per line item.
 */
package dev.pcorders.adapter.http.order.wire;
