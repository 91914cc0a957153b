package dev.pcorders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.http.order.BillingTypeEncoding;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.in.GetOrdersUseCase;
import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Micronaut wiring: configuration keys reach the settings, and every use case is a bean. */
class PcOrdersFactoryTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPostgresqlUrlMakesTheCacheThatDatabaseWithTheConfiguredLogin() {
        String url = TestPostgres.shared().newDatabase();
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "pc-orders.cache.url", url,
                "pc-orders.cache.user", TestPostgres.SUPERUSER,
                "pc-orders.cache.password", TestPostgres.PASSWORD))) {
            PcOrders pcOrders = context.getBean(PcOrders.class);
            assertThat(pcOrders.cacheName()).hasValue(url.replace("jdbc:", ""));
            assertThat(pcOrders.database()).as("no file").isEmpty();
            assertThat(context.getBean(FindCachedCustomersUseCase.class).findCachedCustomers(true)).isEmpty();
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "pc-orders.cache.url", url,
                "pc-orders.cache.user", TestPostgres.SUPERUSER,
                "pc-orders.cache.password", "wrong-" + TestPostgres.PASSWORD))) {
            assertThatThrownBy(() -> context.getBean(PcOrders.class))
                    .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                    .satisfies(failure -> assertThat(failure).hasStackTraceContaining("refused the login")
                            .hasStackTraceContaining("postgresql://127.0.0.1"))
                    .satisfies(failure -> assertThat(messagesOf(failure)).doesNotContain(TestPostgres.PASSWORD));
        }
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            messages.append(current.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void everyUseCaseIsABeanAndClosingTheContextClosesTheCache() {
        Path database = folder.resolve("wired.db");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "partner-center.base-url", "http://127.0.0.1:9",
                "partner-center.auth.access-token", "wiring-token",
                "pc-orders.cache.path", database.toString()))) {
            assertThat(context.getBean(GetOrdersUseCase.class)).isNotNull();
            assertThat(context.getBean(SyncOrdersUseCase.class)).isNotNull();
            assertThat(context.getBean(FindCachedOrdersUseCase.class)).isNotNull();
            assertThat(context.getBean(FindCachedOrderByIdUseCase.class)).isNotNull();
            assertThat(context.getBean(ListOrderChangesUseCase.class)).isNotNull();
            assertThat(context.getBean(ReconcileOrdersUseCase.class)).isNotNull();
            assertThat(context.getBean(SyncSubscriptionsUseCase.class)).isNotNull();
            assertThat(context.getBean(FindCachedSubscriptionsUseCase.class)).isNotNull();
            assertThat(context.getBean(ListSubscriptionChangesUseCase.class)).isNotNull();
            assertThat(context.getBean(SyncCustomersUseCase.class)).isNotNull();
            assertThat(context.getBean(FindCachedCustomersUseCase.class).findCachedCustomers(true)).isEmpty();
            assertThat(context.getBean(ListCustomerChangesUseCase.class)).isNotNull();
            assertThat(context.getBean(PcOrders.class).database()).hasValue(database);
        }
        assertThat(database).exists();
    }

    @Test
    void partnerCenterAndCacheKeysBindToTheSettings() {
        try (ApplicationContext context = ApplicationContext.run(Map.ofEntries(
                Map.entry("partner-center.base-url", "https://pc.example.test"),
                Map.entry("partner-center.api-version", "2"),
                Map.entry("partner-center.connect-timeout", "3s"),
                Map.entry("partner-center.read-timeout", "45s"),
                Map.entry("partner-center.billing-type-encoding", "name"),
                Map.entry("partner-center.locale", "de-DE"),
                Map.entry("partner-center.max-body-bytes", "1048576"),
                Map.entry("partner-center.max-pages", "50"),
                Map.entry("partner-center.customer-page-size", "200"),
                Map.entry("partner-center.retry.max-attempts", "6"),
                Map.entry("partner-center.retry.base-delay", "250ms"),
                Map.entry("partner-center.retry.max-delay", "10s"),
                Map.entry("partner-center.retry.deadline", "1m"),
                Map.entry("pc-orders.cache.path", folder.resolve("bound.db").toString()),
                Map.entry("pc-orders.cache.synchronous", "FULL"),
                Map.entry("pc-orders.cache.busy-timeout", "2s"),
                Map.entry("pc-orders.cache.write-lock-wait", "30m")))) {
            PartnerCenterClientSettings settings = context.getBean(PartnerCenterConfiguration.class).toSettings();
            assertThat(settings.baseUrl()).isEqualTo(URI.create("https://pc.example.test"));
            assertThat(settings.apiVersion()).isEqualTo("2");
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(context.getBean(PartnerCenterConfiguration.class).billingTypeEncoding()).isEqualTo(BillingTypeEncoding.NAME);
            assertThat(settings.locale()).isEqualTo(Optional.of(Locale.GERMANY));
            assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576);
            assertThat(settings.maxPages()).isEqualTo(50);
            assertThat(context.getBean(PartnerCenterConfiguration.class).getCustomerPageSize()).isEqualTo(200);
            assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(6);
            assertThat(settings.retryPolicy().baseDelay()).isEqualTo(Duration.ofMillis(250));
            assertThat(settings.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.retryPolicy().deadline()).isEqualTo(Duration.ofMinutes(1));

            SqliteStoreSettings cache = context.getBean(CacheConfiguration.class).toSettings();
            assertThat(cache.synchronous()).isEqualTo(SqliteStoreSettings.Synchronous.FULL);
            assertThat(cache.busyTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(cache.writeLockWait()).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void aRateLimitOrConcurrencyOutOfRangeFailsNamingItsKeyAndValue() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "partner-center.rate-limit-per-minute", "0",
                "pc-orders.cache.enabled", "false",
                "partner-center.auth.access-token", "wiring-token"))) {
            assertThatThrownBy(() -> context.getBean(PcOrders.class))
                    .hasStackTraceContaining("partner-center.rate-limit-per-minute").hasStackTraceContaining("got 0");
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "partner-center.customers-at-once", "0",
                "pc-orders.cache.enabled", "false",
                "partner-center.auth.access-token", "wiring-token"))) {
            assertThatThrownBy(() -> context.getBean(PcOrders.class))
                    .hasStackTraceContaining("partner-center.customers-at-once").hasStackTraceContaining("got 0");
        }
    }

    @Test
    void aCustomerPageSizeOutOfRangeFailsNamingItsKeyAndValue() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "partner-center.customer-page-size", "0",
                "pc-orders.cache.enabled", "false",
                "partner-center.auth.access-token", "wiring-token"))) {
            assertThatThrownBy(() -> context.getBean(PcOrders.class))
                    .hasStackTraceContaining("partner-center.customer-page-size")
                    .hasStackTraceContaining("got 0");
        }
    }

    @Test
    void unsetKeysKeepTheLibraryDefaults() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(PartnerCenterConfiguration.class).toSettings())
                    .isEqualTo(PartnerCenterClientSettings.defaults());
            assertThat(context.getBean(CacheConfiguration.class).toSettings()).isEqualTo(SqliteStoreSettings.defaults());
        }
    }

    @Test
    void aDisabledCacheCreatesNoFileAndTheCacheUseCasesSayWhatToConfigure() throws Exception {
        Path file = folder.resolve("never-created.db");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "pc-orders.cache.enabled", "false",
                "pc-orders.cache.path", file.toString(),
                "partner-center.auth.access-token", "t0ken"))) {
            assertThat(context.getBean(GetOrdersUseCase.class)).isNotNull();
            assertThatThrownBy(() -> context.getBean(FindCachedOrdersUseCase.class))
                    .hasStackTraceContaining("database(Path)").hasStackTraceContaining("pc-orders.cache.enabled");
        }
        assertThat(file).doesNotExist();
        try (java.util.stream.Stream<Path> created = java.nio.file.Files.list(folder)) {
            assertThat(created).as("no cache file anywhere in the folder").isEmpty();
        }
    }

    @Test
    void withoutCredentialsTheCacheUseCasesWorkAndSyncSaysWhatToConfigure() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "pc-orders.cache.path", folder.resolve("offline.db").toString()))) {
            assertThat(context.getBean(FindCachedOrdersUseCase.class)).isNotNull();
            assertThatThrownBy(() -> context.getBean(SyncOrdersUseCase.class))
                    .hasStackTraceContaining("accessTokenProvider");
        }
    }
}
