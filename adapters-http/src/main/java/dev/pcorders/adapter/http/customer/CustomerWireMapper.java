package dev.pcorders.adapter.http.customer;

import static dev.pcorders.adapter.http.wire.SharedWireMapper.blankToNull;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.coded;
import static dev.pcorders.adapter.http.wire.SharedWireMapper.required;

import dev.pcorders.adapter.http.customer.wire.CompanyProfileDto;
import dev.pcorders.adapter.http.customer.wire.CustomerDto;
import dev.pcorders.adapter.http.wire.JsonPath;
import dev.pcorders.adapter.http.wire.SharedWireMapper;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.RelationshipToPartner;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.Optional;

/**
 * Builds the domain's customers from the wire records. Strict only about the id, which every cache and every later
 * request keys on (a GUID, else a violation at e.g. {@code items[3].id}); lenient about the rest: Microsoft's own
 * sample lists {@code "tenantId": "<guid>"}, so the profile is kept as sent, a blank field as absent, and an unknown
 * {@code relationshipToPartner} raw.
 */
final class CustomerWireMapper {

    private CustomerWireMapper() {
    }

    static Customer customer(CustomerDto dto, JsonPath path) {
        return new Customer(
                required(dto.id(), path, "id", CustomerId::parse),
                companyProfile(dto.companyProfile()),
                Optional.ofNullable(coded(RelationshipToPartner.class, blankToNull(dto.relationshipToPartner()))),
                dto.attributes() == null ? ResourceAttributes.NONE : SharedWireMapper.attributes(dto.attributes()));
    }

    private static CompanyProfile companyProfile(CompanyProfileDto dto) {
        if (dto == null) {
            return CompanyProfile.EMPTY;
        }
        return new CompanyProfile(Optional.ofNullable(blankToNull(dto.tenantId())),
                Optional.ofNullable(blankToNull(dto.domain())), Optional.ofNullable(blankToNull(dto.companyName())));
    }
}
