package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code indirect_reseller_id} takes the reseller's tenant id, while line items name the reseller by MPN id. */
class IndirectResellerTest {

    @Test
    void theResellersTenantIdSelectsTheLineItemsCarryingItsMpnId() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1).withOrdersPerCustomer(40))) {
            SandboxCustomer customer = sandbox.customers().get(0);
            String mpnId = customer.indirectResellerIds().get(0);
            String tenantId = customer.indirectResellerTenantIds().get(0);
            assertThat(tenantId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

            JsonNode byTenant = Http.json(Http.getOrders(sandbox, customer.id(),
                    "include_system_purchases=true&indirect_reseller_id=" + tenantId.toUpperCase()));
            JsonNode byMpn = Http.json(Http.getOrders(sandbox, customer.id(),
                    "include_system_purchases=true&indirect_reseller_id=" + mpnId));

            assertThat(byTenant.get("items")).isNotEmpty();
            assertThat(byTenant.get("items")).isEqualTo(byMpn.get("items"));
            assertThat(partnerIdsOnRecord(byTenant)).isNotEmpty().containsOnly(mpnId);
        }
    }

    @Test
    void aTenantIdOfNoResellerOfTheCustomerSelectsNothing() {
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withCustomers(1))) {
            JsonNode body = Http.json(Http.getOrders(sandbox, sandbox.customerIds().get(0),
                    "indirect_reseller_id=3fa85f64-5717-4562-b3fc-2c963f66afa6"));
            assertThat(body.get("totalCount").asInt()).isZero();
        }
    }

    private static List<String> partnerIdsOnRecord(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("items").forEach(order -> order.get("lineItems").forEach(line -> {
            if (line.has("partnerIdOnRecord")) {
                ids.add(line.get("partnerIdOnRecord").asText());
            }
        }));
        return ids;
    }
}
