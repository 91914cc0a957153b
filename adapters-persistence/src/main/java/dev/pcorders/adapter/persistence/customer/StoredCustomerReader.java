package dev.pcorders.adapter.persistence.customer;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredCustomerRecord;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.RelationshipToPartner;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.List;
import java.util.Optional;

/** Rebuilds domain customers from their rows; a customer is one row, so nothing more is fetched. */
final class StoredCustomerReader {

    private StoredCustomerReader() {
    }

    static List<Customer> read(List<StoredCustomerRecord> rows) {
        return rows.stream().map(StoredCustomerReader::customer).toList();
    }

    static Customer customer(StoredCustomerRecord row) {
        return new Customer(
                CustomerId.parse(row.getCustomerId()),
                new CompanyProfile(Optional.ofNullable(row.getTenantId()), Optional.ofNullable(row.getDomain()),
                        Optional.ofNullable(row.getCompanyName())),
                Optional.ofNullable(OpenEnumColumns.read(RelationshipToPartner.class, row.getRelationship(),
                        row.getRelationshipKnown())),
                new ResourceAttributes(Optional.ofNullable(row.getEtag()), Optional.ofNullable(row.getObjectType())));
    }
}
