package dev.pcorders.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A customer the sandbox serves.
 *
 * @param index               position in {@link SandboxData#customers()}, from 0
 * @param id                  the customer's tenant id, a lower-case GUID (the path segment of its orders URL)
 * @param name                company name; some contain commas
 * @param domain              its {@code onmicrosoft.com} domain
 * @param country             two-letter country code
 * @param currencyCode        ISO 4217 code of all its orders
 * @param orderCount          how many orders it has, system purchases included
 * @param indirectResellerIds MPN ids of the indirect resellers whose orders it has (values of {@code indirect_reseller_id})
 */
public record SandboxCustomer(int index, String id, String name, String domain, String country, String currencyCode,
                              int orderCount, List<String> indirectResellerIds) {

    public SandboxCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currencyCode, "currencyCode");
        indirectResellerIds = List.copyOf(indirectResellerIds);
    }
}
