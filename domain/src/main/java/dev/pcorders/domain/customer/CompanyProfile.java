package dev.pcorders.domain.customer;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of a customer's company profile that the customer list carries. Every field may be missing from a
 * listing (Microsoft's samples omit some), so none is required.
 *
 * @param tenantId the customer's Entra tenant, as sent (normally the customer id itself)
 * @param domain   the customer's default domain, such as {@code contoso.onmicrosoft.com}
 */
public record CompanyProfile(Optional<String> tenantId, Optional<String> domain, Optional<String> companyName) {

    public static final CompanyProfile EMPTY = new CompanyProfile(Optional.empty(), Optional.empty(), Optional.empty());

    public CompanyProfile {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(companyName, "companyName");
    }
}
