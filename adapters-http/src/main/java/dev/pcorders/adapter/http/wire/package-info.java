/**
 * The wire format every Partner Center resource shares, and no resource of its own: the
 * {@code ResourceCollection<T>} envelope ({@link dev.pcorders.adapter.http.wire.CollectionReader} read whole,
 * {@link dev.pcorders.adapter.http.wire.CollectionCursor} and {@link dev.pcorders.adapter.http.wire.CollectionPageReader}
 * read in parts while the body arrives), links and attributes as {@code @Serdeable} records, the strict
 * hand-written readers ({@link dev.pcorders.adapter.http.wire.WireReader}), JSON paths for error messages and
 * the dates Partner Center writes. A resource's package adds its item records, their readers and the mapping to
 * its domain records; nothing here names a resource.
 */
package dev.pcorders.adapter.http.wire;
