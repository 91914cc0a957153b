package dev.pcorders.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * @param indirectResellerIds MPN ids of the indirect resellers whose orders it has, as line items carry them in
 *                            {@code partnerIdOnRecord}; {@link #indirectResellerTenantIds()} are the same resellers
 *                            as {@code indirect_reseller_id} takes them
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

    /**
     * The tenant ids (lower-case GUIDs) of its indirect resellers, in the order of {@link #indirectResellerIds()}.
     * Partner Center's {@code indirect_reseller_id} is the reseller's tenant id while line items name the reseller
     * by MPN id, so the sandbox keeps both and maps one to the other.
     */
    public List<String> indirectResellerTenantIds() {
        return indirectResellerIds.stream().map(SandboxCustomer::resellerTenantId).collect(Collectors.toList());
    }

    /** The MPN id of the indirect reseller with this tenant id, in any case. */
    Optional<String> resellerMpnId(String tenantId) {
        String wanted = tenantId.strip().toLowerCase(Locale.ROOT);
        return indirectResellerIds.stream().filter(mpnId -> resellerTenantId(mpnId).equals(wanted)).findFirst();
    }

    /** Derived from the MPN id alone, so the same reseller has the same tenant id for every customer and seed. */
    static String resellerTenantId(String mpnId) {
        return UUID.nameUUIDFromBytes(("indirect-reseller:" + mpnId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
