package dev.pcorders.adapter.http.subscription;

import dev.pcorders.adapter.http.partnercenter.PageReader;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterResponse;
import dev.pcorders.adapter.http.subscription.wire.SubscriptionDto;
import dev.pcorders.adapter.http.wire.CollectionContract;
import dev.pcorders.adapter.http.wire.CollectionPageReader;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.subscription.Subscription;

/**
 * Reads a {@code ResourceCollection<Subscription>} from a response while it arrives ({@link CollectionPageReader}),
 * never through a String. A body that is not the contract (invalid JSON, a wrong type, a missing id, a date that is
 * no date) ends in a {@link MalformedResponse} that says where.
 */
final class SubscriptionJsonDecoder {

    static final String COLLECTION = "SubscriptionCollection";

    /** One response of {@code GET /customers/{id}/subscriptions}; its subscriptions are {@code customer}'s. */
    PageReader<Page<Subscription>> openPage(CustomerId customer, PartnerCenterResponse response, int pageNumber) {
        CollectionContract<SubscriptionDto, Subscription> contract = new CollectionContract<>(COLLECTION,
                SubscriptionDto.READER, (dto, path) -> SubscriptionWireMapper.subscription(dto, customer, path));
        return CollectionPageReader.open(response, pageNumber, contract, "a subscription in the response breaks the contract: ");
    }
}
