package dev.pcorders.adapter.http.wire;

import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the records of {@code domain.shared} from this package's wire records, for every resource alike. */
public final class SharedWireMapper {

    private SharedWireMapper() {
    }

    /** The collection's totalCount as sent; a negative count breaks the contract. */
    public static OptionalInt totalCount(Integer total) {
        if (total != null && total < 0) {
            throw new WireFormatViolation("totalCount must not be negative, got " + total, "totalCount", null);
        }
        return total == null ? OptionalInt.empty() : OptionalInt.of(total);
    }

    public static Optional<Link> next(CollectionLinksDto links) {
        return links == null ? Optional.empty() : link(links.next());
    }

    public static ResourceAttributes attributes(AttributesDto dto) {
        return dto == null ? null : new ResourceAttributes(Optional.ofNullable(dto.etag()), Optional.ofNullable(dto.objectType()));
    }

    /** A link without a uri is no link; a missing method means GET, the only one the service lists. */
    public static Optional<Link> link(LinkDto dto) {
        if (dto == null || dto.uri() == null) {
            return Optional.empty();
        }
        Optional<String> body = dto.body() != null && dto.body().isString()
                ? Optional.of(dto.body().getStringValue()) : Optional.empty();
        return Optional.of(new Link(dto.uri(), dto.method() == null ? "GET" : dto.method(), headers(dto.headers()), body));
    }

    // Nearly every link has no headers; List.of() passes through Link's List.copyOf without a copy.
    private static List<Link.Header> headers(List<LinkHeaderDto> wireHeaders) {
        if (wireHeaders == null || wireHeaders.isEmpty()) {
            return List.of();
        }
        List<Link.Header> headers = new ArrayList<>(wireHeaders.size());
        for (LinkHeaderDto header : wireHeaders) {
            if (header != null && header.key() != null) {
                headers.add(new Link.Header(header.key(), header.value() == null ? "" : header.value()));
            }
        }
        return headers;
    }
}
