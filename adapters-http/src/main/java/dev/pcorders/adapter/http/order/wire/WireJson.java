package dev.pcorders.adapter.http.order.wire;

import io.micronaut.serde.ObjectMapper;
import java.util.Map;

/**
 * The micronaut-serde {@link ObjectMapper} that reads the wire records with their hand-written
 * readers. {@code ObjectMapper.getDefault()} cannot: its bean context holds micronaut-serde's own
 * beans only, so it would not find the readers and would fall back to the generated deserializers.
 */
public final class WireJson {

    private WireJson() {
    }

    /** Shared and thread-safe; built on first use. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        // Lives as long as the process, as getDefault()'s does; the context starts no threads.
        static final ObjectMapper MAPPER = ObjectMapper.create(Map.of(), WireJson.class.getPackageName());
    }
}
