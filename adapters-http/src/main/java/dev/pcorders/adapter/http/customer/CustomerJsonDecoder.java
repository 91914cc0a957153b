package dev.pcorders.adapter.http.customer;

import dev.pcorders.adapter.http.customer.wire.CustomerDto;
import dev.pcorders.adapter.http.partnercenter.PageReader;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterResponse;
import dev.pcorders.adapter.http.wire.CollectionContract;
import dev.pcorders.adapter.http.wire.CollectionPageReader;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.shared.Page;

/**
 * Reads a {@code ResourceCollection<Customer>} from a response while it arrives ({@link CollectionPageReader}). A
 * body that is not the contract (invalid JSON, a wrong type, an id that is no GUID) ends in a
 * {@link MalformedResponse} that says where.
 */
final class CustomerJsonDecoder {

    static final CollectionContract<CustomerDto, Customer> CUSTOMERS = new CollectionContract<>("CustomerCollection",
            CustomerDto.READER, CustomerWireMapper::customer);

    private CustomerJsonDecoder() {
    }

    /** One response of {@code GET /customers}, first or any page {@code links.next} led to. */
    static PageReader<Page<Customer>> openPage(PartnerCenterResponse response, int pageNumber) {
        return CollectionPageReader.open(response, pageNumber, CUSTOMERS, "a customer in the response breaks the contract: ");
    }
}
