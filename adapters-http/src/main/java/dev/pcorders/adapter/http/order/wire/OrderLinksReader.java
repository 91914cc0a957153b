package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.LinkReader;
import dev.pcorders.adapter.http.wire.WireReader;
import dev.pcorders.domain.order.OrderLinks;
import dev.pcorders.domain.shared.Link;
import io.micronaut.serde.Decoder;
import java.io.IOException;
import java.util.Optional;

/**
 * An order's links, read straight into the domain's {@link OrderLinks}, as {@link LineItemLinksReader} reads a line
 * item's. The camelCase names and their PascalCase spellings, as every {@link WireReader}.
 */
final class OrderLinksReader extends WireReader<OrderLinks> {

    static final OrderLinksReader READER = new OrderLinksReader();

    private OrderLinksReader() {
    }

    @Override
    protected int property(String name) {
        return switch (name) {
            case "self", "Self" -> 0;
            case "provisioningStatus", "ProvisioningStatus" -> 1;
            case "patchOperation", "PatchOperation" -> 2;
            default -> UNKNOWN;
        };
    }

    @Override
    protected OrderLinks readProperties(Decoder object) throws IOException {
        Link self = null;
        Link provisioningStatus = null;
        Link patchOperation = null;
        int seen = 0;
        for (String name = object.decodeKey(); name != null; name = object.decodeKey()) {
            int index = firstIndex(object, name, seen);
            if (index == UNKNOWN) {
                continue;
            }
            seen |= 1 << index;
            Link link;
            try {
                link = LinkReader.READER.readNullable(object);
            } catch (IOException e) {
                throw named(e, name);
            }
            switch (index) {
                case 0 -> self = link;
                case 1 -> provisioningStatus = link;
                default -> patchOperation = link;
            }
        }
        return new OrderLinks(Optional.ofNullable(self), Optional.ofNullable(provisioningStatus),
                Optional.ofNullable(patchOperation));
    }
}
