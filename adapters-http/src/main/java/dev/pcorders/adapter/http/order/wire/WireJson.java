package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.LinkDto;
import io.micronaut.serde.ObjectMapper;
import java.util.Map;

/**
 * The micronaut-serde {@link ObjectMapper} that reads the orders wire records, and the shared ones of
 * {@code adapter.http.wire} they hold, with their hand-written readers. {@code ObjectMapper.getDefault()} cannot: its bean context holds micronaut-serde's own
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
        // The readers are beans of these two packages; a context of one would miss the other's.
        static final ObjectMapper MAPPER = ObjectMapper.create(Map.of(), WireJson.class.getPackageName(),
                LinkDto.class.getPackageName());
    }
}
