package dev.pcorders.bootstrap;

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
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The use cases as Micronaut beans, configured from {@code partner-center.*} and {@code pc-orders.cache.*}.
 * Built explicitly through {@link PcOrders} rather than by scanning the core, so the core stays free of
 * framework annotations and the plain-Java and Micronaut paths cannot drift apart.
 */
@Factory
public class PcOrdersFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PcOrders pcOrders(PartnerCenterConfiguration partnerCenter, CacheConfiguration cache) {
        PcOrders.Builder builder = PcOrders.builder().partnerCenter(partnerCenter.toSettings())
                .billingTypeEncoding(partnerCenter.billingTypeEncoding());
        configure("partner-center.customer-page-size", () -> builder.customerPageSize(partnerCenter.getCustomerPageSize()));
        if (partnerCenter.getRateLimitPerMinute() != null) {
            configure("partner-center.rate-limit-per-minute",
                    () -> builder.rateLimitPerMinute(partnerCenter.getRateLimitPerMinute()));
        }
        configure("partner-center.customers-at-once", () -> builder.customersAtOnce(partnerCenter.getCustomersAtOnce()));
        if (cache.isEnabled() && cache.getUrl() != null && !cache.getUrl().isBlank()) {
            configure("pc-orders.cache.url", () -> builder.postgresDatabase(cache.getUrl()));
            if (cache.getUser() != null) {
                builder.postgresLogin(cache.getUser(), cache.getPassword() == null ? "" : cache.getPassword());
            }
        } else if (cache.isEnabled()) {
            builder.database(cache.getPath()).storeSettings(cache.toSettings());
        }
        PartnerCenterCredentials credentials = partnerCenter.getAuth().toCredentials();
        if (credentials.isConfigured()) {
            builder.accessTokenProvider(credentials.tokenProvider(partnerCenter.getAuth().getAuthority()));
        }
        return builder.build();
    }

    /** A setting the builder refuses fails the context naming its key, not only the value. */
    private static void configure(String key, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException outOfRange) {
            throw new ConfigurationException(key + ": " + outOfRange.getMessage());
        }
    }

    @Singleton
    GetOrdersUseCase getOrders(PcOrders pcOrders) {
        return pcOrders.getOrders();
    }

    @Singleton
    SyncOrdersUseCase syncOrders(PcOrders pcOrders) {
        return pcOrders.syncOrders();
    }

    @Singleton
    FindCachedOrdersUseCase findCachedOrders(PcOrders pcOrders) {
        return pcOrders.findCachedOrders();
    }

    @Singleton
    FindCachedOrderByIdUseCase findCachedOrderById(PcOrders pcOrders) {
        return pcOrders.findCachedOrderById();
    }

    @Singleton
    ListOrderChangesUseCase listOrderChanges(PcOrders pcOrders) {
        return pcOrders.listOrderChanges();
    }

    @Singleton
    ReconcileOrdersUseCase reconcileOrders(PcOrders pcOrders) {
        return pcOrders.reconcileOrders();
    }

    @Singleton
    SyncSubscriptionsUseCase syncSubscriptions(PcOrders pcOrders) {
        return pcOrders.syncSubscriptions();
    }

    @Singleton
    FindCachedSubscriptionsUseCase findCachedSubscriptions(PcOrders pcOrders) {
        return pcOrders.findCachedSubscriptions();
    }

    @Singleton
    ListSubscriptionChangesUseCase listSubscriptionChanges(PcOrders pcOrders) {
        return pcOrders.listSubscriptionChanges();
    }

    @Singleton
    SyncCustomersUseCase syncCustomers(PcOrders pcOrders) {
        return pcOrders.syncCustomers();
    }

    @Singleton
    FindCachedCustomersUseCase findCachedCustomers(PcOrders pcOrders) {
        return pcOrders.findCachedCustomers();
    }

    @Singleton
    ListCustomerChangesUseCase listCustomerChanges(PcOrders pcOrders) {
        return pcOrders.listCustomerChanges();
    }
}
