package dev.pcorders.adapter.http.wire;

import io.micronaut.serde.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The micronaut-serde {@link ObjectMapper} that reads one resource's wire records, and the shared ones of this
 * package they hold, with their hand-written readers. {@code ObjectMapper.getDefault()} cannot: its bean context
 * holds micronaut-serde's own beans only, so it would not find the readers and would fall back to the generated
 * deserializers.
 */
public final class WireJson {

    // One per resource package, living as long as the process, as getDefault()'s does; a context starts no threads.
    private static final ConcurrentMap<String, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();

    private WireJson() {
    }

    /**
     * The mapper of the readers that are beans of {@code resourceWirePackage} (e.g. {@code ...order.wire}) and of
     * this package: a context of one would miss the other's. Shared and thread-safe; built on first use.
     */
    public static ObjectMapper mapper(String resourceWirePackage) {
        Objects.requireNonNull(resourceWirePackage, "resourceWirePackage");
        return MAPPERS.computeIfAbsent(resourceWirePackage,
                resource -> ObjectMapper.create(Map.of(), resource, WireJson.class.getPackageName()));
    }
}
