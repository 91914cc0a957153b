package dev.pcorders.adapter.http.wire;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.InputQuote;
import dev.pcorders.domain.shared.Link;
import dev.pcorders.domain.shared.OpenEnum;
import dev.pcorders.domain.shared.ResourceAttributes;
import io.micronaut.json.tree.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Builds the records of {@code domain.shared} from this package's wire records, for every resource alike, and holds
 * the checks every resource's mapper makes: a required value, an optional one converted, an open enum kept raw, a
 * failure named by its JSON path.
 */
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
        return dto == null ? Optional.empty()
                : Optional.ofNullable(link(dto.uri(), dto.method(), dto.headers(), dto.body()));
    }

    /** As {@link #link(LinkDto)}, from a link's properties as read; null for no link. */
    static Link link(String uri, String method, List<LinkHeaderDto> headers, JsonNode body) {
        if (uri == null) {
            return null;
        }
        Optional<String> text = body != null && body.isString() ? Optional.of(body.getStringValue()) : Optional.empty();
        return new Link(uri, method(method), headers(headers), text);
    }

    // Every decoded link is kept with its order; one shared "GET" instead of a copy per link keeps a page smaller.
    private static String method(String sent) {
        return sent == null || sent.equals("GET") ? "GET" : sent;
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

    /** Open enums never fail: a value this build does not know is kept raw as UNKNOWN. */
    public static <E extends Enum<E> & OpenEnum> Coded<E> coded(Class<E> type, String raw) {
        return raw == null ? null : Coded.parse(type, raw);
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code value} converted, or a violation at {@code owner.field}: missing, or what the conversion refused. */
    public static <W, D> D required(W value, JsonPath owner, String field, Function<W, D> convert) {
        if (value == null) {
            throw new WireFormatViolation("required value is missing", owner.field(field), null);
        }
        return converted(value, owner, field, convert);
    }

    /** As {@link #required}, but an absent value is null. */
    public static <W, D> D optional(W value, JsonPath owner, String field, Function<W, D> convert) {
        return value == null ? null : converted(value, owner, field, convert);
    }

    private static <W, D> D converted(W value, JsonPath owner, String field, Function<W, D> convert) {
        try {
            return convert.apply(value);
        } catch (DateTimeParseException e) {
            throw new WireFormatViolation("not an ISO-8601 date or date-time: " + InputQuote.quote(e.getParsedString()),
                    owner.field(field), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw violation(e, owner.field(field));
        }
    }

    /** The domain's own checks (duplicate line numbers, negative quantities) name the rule; the path says where. */
    public static WireFormatViolation violation(RuntimeException e, String location) {
        return new WireFormatViolation(e.getMessage() == null ? "invalid value" : e.getMessage(), location, e);
    }
}
