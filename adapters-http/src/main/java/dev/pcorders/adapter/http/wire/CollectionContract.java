package dev.pcorders.adapter.http.wire;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What one resource's collection holds: its name in error messages ({@code OrderCollection}), the reader of one
 * wire item and the mapping of that item, at its path, to the domain's record. A mapping that finds the item
 * breaks the contract throws {@link WireFormatViolation}.
 *
 * @param <D> the wire record of one item
 * @param <T> the domain record built from it
 */
public record CollectionContract<D, T>(String name, WireReader<D> itemReader, BiFunction<D, JsonPath, T> mapper) {

    public CollectionContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(itemReader, "itemReader");
        Objects.requireNonNull(mapper, "mapper");
    }
}
