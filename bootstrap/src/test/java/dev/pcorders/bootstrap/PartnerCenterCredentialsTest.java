package dev.pcorders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.http.auth.ClientCredentialsTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.adapter.http.auth.RefreshTokenProvider;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerCenterCredentialsTest {

    private static final String SECRET = "s3cr3t-client-secret-marker";

    @Test
    void aBearerTokenIsUsedAsIs() {
        assertThat(PartnerCenterCredentials.fromEnvironment(Map.of("PC_ORDERS_ACCESS_TOKEN", "abc"))
                .tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY)).isInstanceOf(StaticAccessTokenProvider.class);
    }

    @Test
    void tenantClientAndSecretAreClientCredentials() {
        PartnerCenterCredentials credentials = PartnerCenterCredentials.fromEnvironment(Map.of(
                "PC_ORDERS_TENANT_ID", "contoso.onmicrosoft.com", "PC_ORDERS_CLIENT_ID", "app",
                "PC_ORDERS_CLIENT_SECRET", SECRET));
        assertThat(credentials.tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY))
                .isInstanceOf(ClientCredentialsTokenProvider.class);
        assertThat(credentials.toString()).isEqualTo("PartnerCenterCredentials[client credentials]").doesNotContain(SECRET);
    }

    @Test
    void aRefreshTokenWithTenantAndClientIsAppPlusUser() {
        PartnerCenterCredentials credentials = PartnerCenterCredentials.fromEnvironment(Map.of(
                "PC_ORDERS_REFRESH_TOKEN", "refresh-marker", "PC_ORDERS_TENANT_ID", "contoso.onmicrosoft.com",
                "PC_ORDERS_CLIENT_ID", "app"));
        assertThat(credentials.tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY)).isInstanceOf(RefreshTokenProvider.class);
        assertThat(credentials.toString()).doesNotContain("refresh-marker");
    }

    @Test
    void nothingSetNamesEveryVariable() {
        PartnerCenterCredentials none = PartnerCenterCredentials.fromEnvironment(Map.of("PC_ORDERS_ACCESS_TOKEN", "  "));
        assertThat(none.isConfigured()).isFalse();
        assertThatThrownBy(() -> none.tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("PC_ORDERS_ACCESS_TOKEN", "PC_ORDERS_TENANT_ID", "PC_ORDERS_CLIENT_ID",
                        "PC_ORDERS_CLIENT_SECRET", "PC_ORDERS_REFRESH_TOKEN");
    }

    @Test
    void anIncompleteFlowNamesTheMissingVariableAndNoSecret() {
        PartnerCenterCredentials noSecret = PartnerCenterCredentials.fromEnvironment(Map.of(
                "PC_ORDERS_TENANT_ID", "contoso.onmicrosoft.com", "PC_ORDERS_CLIENT_ID", "app"));
        assertThatThrownBy(() -> noSecret.tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY))
                .hasMessageStartingWith("incomplete Partner Center credentials: client credentials need PC_ORDERS_CLIENT_SECRET");
        PartnerCenterCredentials noTenant = PartnerCenterCredentials.fromEnvironment(Map.of(
                "PC_ORDERS_CLIENT_ID", "app", "PC_ORDERS_CLIENT_SECRET", SECRET));
        assertThatThrownBy(() -> noTenant.tokenProvider(EntraTokenEndpoint.DEFAULT_AUTHORITY))
                .hasMessageContaining("need PC_ORDERS_TENANT_ID").message().doesNotContain(SECRET);
    }
}
