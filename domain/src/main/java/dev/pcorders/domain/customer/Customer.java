package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer of the partner, as {@code GET /v1/customers} lists it. The list omits billing profiles, and its links
 * only point at the customer itself, so neither is kept. {@code relationshipToPartner} keeps an unknown value raw.
 */
public record Customer(CustomerId id, CompanyProfile companyProfile,
                       Optional<Coded<RelationshipToPartner>> relationshipToPartner, ResourceAttributes attributes) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyProfile, "companyProfile");
        Objects.requireNonNull(relationshipToPartner, "relationshipToPartner");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** The company name, or the id when the profile has none: what a person recognises the customer by. */
    public String displayName() {
        return companyProfile.companyName().orElse(id.toString());
    }

    /** The same customer without its etag, which the service rotates and which says nothing about it. */
    public Customer withoutEtag() {
        return new Customer(id, companyProfile, relationshipToPartner,
                new ResourceAttributes(Optional.empty(), attributes.objectType()));
    }
}
