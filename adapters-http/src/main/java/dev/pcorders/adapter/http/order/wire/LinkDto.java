package dev.pcorders.adapter.http.order.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A link; {@code body} is whatever JSON the service put there (usually null), kept as a tree. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkDto(
        @JsonAlias("Uri") String uri,
        @JsonAlias("Method") String method,
        @JsonAlias("Headers") List<LinkHeaderDto> headers,
        @JsonAlias("Body") JsonNode body) {
}
