package dev.pcorders.adapter.http.wire;

import dev.pcorders.domain.shared.Link;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import java.io.IOException;
import java.util.List;

/**
 * Reads a link object straight into the domain's {@link Link}, by the rules of {@link SharedWireMapper#link(LinkDto)}
 * (no uri: no link, so null; no method: GET), with {@link LinkDto}'s names. A line item carries up to six links:
 * read through {@link LinkDto}, each was built twice, and each wire record held its values in an array first.
 */
public final class LinkReader extends WireReader<Link> {

    public static final LinkReader READER = new LinkReader();

    private static final int URI = 0;
    private static final int METHOD = 1;
    private static final int HEADERS = 2;

    private LinkReader() {
    }

    @Override
    protected int property(String name) {
        return switch (name) {
            case "uri", "Uri" -> URI;
            case "method", "Method" -> METHOD;
            case "headers", "Headers" -> HEADERS;
            case "body", "Body" -> 3;
            default -> UNKNOWN;
        };
    }

    @Override
    protected Link readProperties(Decoder object) throws IOException {
        String uri = null;
        String method = null;
        List<LinkHeaderDto> headers = null;
        JsonNode body = null;
        int seen = 0;
        for (String name = object.decodeKey(); name != null; name = object.decodeKey()) {
            int index = firstIndex(object, name, seen);
            if (index == UNKNOWN) {
                continue;
            }
            seen |= 1 << index;
            try {
                switch (index) {
                    case URI -> uri = string(object);
                    case METHOD -> method = string(object);
                    case HEADERS -> headers = LinkHeaderDto.READER.readList(object);
                    default -> body = node(object);
                }
            } catch (IOException e) {
                throw named(e, name);
            }
        }
        return SharedWireMapper.link(uri, method, headers, body);
    }
}
