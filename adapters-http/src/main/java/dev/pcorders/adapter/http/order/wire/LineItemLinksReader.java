package dev.pcorders.adapter.http.order.wire;

import dev.pcorders.adapter.http.wire.LinkReader;
import dev.pcorders.adapter.http.wire.WireReader;
import dev.pcorders.domain.order.LineItemLinks;
import dev.pcorders.domain.shared.Link;
import io.micronaut.serde.Decoder;
import java.io.IOException;
import java.util.Optional;

/**
 * A line item's links, read straight into the domain's {@link LineItemLinks}: a wire record of them would add
 * nothing but a copy of each link per line item. The camelCase names and their PascalCase spellings, as every
 * {@link WireReader}.
 */
final class LineItemLinksReader extends WireReader<LineItemLinks> {

    static final LineItemLinksReader READER = new LineItemLinksReader();

    private LineItemLinksReader() {
    }

    @Override
    protected int property(String name) {
        return switch (name) {
            case "product", "Product" -> 0;
            case "sku", "Sku" -> 1;
            case "availability", "Availability" -> 2;
            case "subscription", "Subscription" -> 3;
            case "provisioningStatus", "ProvisioningStatus" -> 4;
            case "activationLinks", "ActivationLinks" -> 5;
            default -> UNKNOWN;
        };
    }

    @Override
    protected LineItemLinks readProperties(Decoder object) throws IOException {
        Link product = null;
        Link sku = null;
        Link availability = null;
        Link subscription = null;
        Link provisioningStatus = null;
        Link activationLinks = null;
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
                case 0 -> product = link;
                case 1 -> sku = link;
                case 2 -> availability = link;
                case 3 -> subscription = link;
                case 4 -> provisioningStatus = link;
                default -> activationLinks = link;
            }
        }
        return new LineItemLinks(Optional.ofNullable(product), Optional.ofNullable(sku), Optional.ofNullable(availability),
                Optional.ofNullable(subscription), Optional.ofNullable(provisioningStatus),
                Optional.ofNullable(activationLinks));
    }
}
