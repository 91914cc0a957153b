package dev.pcorders.cli;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import dev.pcorders.bootstrap.PartnerCenterCredentials;
import dev.pcorders.bootstrap.PcOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's use cases: the database from {@code --db}, credentials from the {@code PC_ORDERS_*}
 * environment variables, Partner Center's address from the command's options. Opens the database only
 * when a command first asks for a use case.
 */
final class EnvironmentCliServices implements CliServices {

    private final CacheLocation database;
    private final Map<String, String> environment;
    private PcOrders pcOrders;
    /** Whether {@link #pcOrders} was opened for syncing (with credentials and write access) rather than for reading. */
    private boolean openForSync;

    EnvironmentCliServices(CacheLocation database, Map<String, String> environment) {
        this.database = database;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public FindCachedOrdersUseCase findCachedOrders() {
        return cacheOnly().findCachedOrders();
    }

    @Override
    public FindCachedOrderByIdUseCase findCachedOrderById() {
        return cacheOnly().findCachedOrderById();
    }

    @Override
    public ListOrderChangesUseCase listOrderChanges() {
        return cacheOnly().listOrderChanges();
    }

    @Override
    public ReconcileOrdersUseCase reconcileOrders() {
        return cacheOnly().reconcileOrders();
    }

    @Override
    public Optional<String> ledgerFormatOf(Path ledger) {
        return cacheOnly().ledgerFormatOf(ledger);
    }

    @Override
    public SyncOrdersUseCase syncOrders(PartnerCenterOptions options) {
        return forSync(options).syncOrders();
    }

    @Override
    public SyncSubscriptionsUseCase syncSubscriptions(PartnerCenterOptions options) {
        return forSync(options).syncSubscriptions();
    }

    @Override
    public SyncCustomersUseCase syncCustomers(PartnerCenterOptions options) {
        return forSync(options).syncCustomers();
    }

    @Override
    public FindCachedCustomersUseCase findCachedCustomers() {
        return cacheOnly().findCachedCustomers();
    }

    @Override
    public ListCustomerChangesUseCase listCustomerChanges() {
        return cacheOnly().listCustomerChanges();
    }

    @Override
    public FindCachedSubscriptionsUseCase findCachedSubscriptions() {
        return cacheOnly().findCachedSubscriptions();
    }

    @Override
    public ListSubscriptionChangesUseCase listSubscriptionChanges() {
        return cacheOnly().listSubscriptionChanges();
    }

    /** One PcOrders for every resource a sync fetches: one HTTP client, one database. */
    private PcOrders forSync(PartnerCenterOptions options) {
        if (pcOrders != null && openForSync) {
            return pcOrders;
        }
        // Credentials are checked before the database is opened: a missing variable must not leave a new file behind.
        AccessTokenProvider tokens;
        try {
            tokens = PartnerCenterCredentials.fromEnvironment(environment)
                    .tokenProvider(options.authority().orElse(EntraTokenEndpoint.DEFAULT_AUTHORITY));
        } catch (IllegalArgumentException missing) {
            throw new UsageException(missing.getMessage());
        }
        PartnerCenterClientSettings settings = PartnerCenterClientSettings.defaults();
        settings = options.baseUrl().map(settings::withBaseUrl).orElse(settings);
        settings = options.apiVersion().map(String::valueOf).map(settings::withApiVersion).orElse(settings);
        PcOrders.Builder builder = withCache(PcOrders.builder()).partnerCenter(settings).accessTokenProvider(tokens);
        try {
            options.customerPageSize().ifPresent(builder::customerPageSize);
        } catch (IllegalArgumentException outOfRange) {
            throw new UsageException("--customer-page-size: " + outOfRange.getMessage());
        }
        try {
            builder.rateLimitPerMinute(options.rateLimit);
        } catch (IllegalArgumentException outOfRange) {
            throw new UsageException("--rate-limit: " + outOfRange.getMessage());
        }
        try {
            builder.customersAtOnce(options.maxConcurrency);
        } catch (IllegalArgumentException outOfRange) {
            throw new UsageException("--max-concurrency: " + outOfRange.getMessage());
        }
        close();
        pcOrders = builder.build();
        openForSync = true;
        return pcOrders;
    }

    /**
     * For the commands that only read the cache. A file that does not exist is an error, not an empty cache: a
     * mistyped --db would otherwise list nothing, or reconcile a whole ledger as "missing", and leave a new file.
     */
    private PcOrders cacheOnly() {
        if (pcOrders == null) {
            if (database.file().isPresent() && !Files.exists(database.file().get())) {
                throw new StoreException(StoreException.Reason.NOT_FOUND,
                        "no such file; sync into it first, or name the cache with --db or PC_ORDERS_DB");
            }
            // Read-only: reading needs no write access to the folder, leaves no -wal or -shm file, and never migrates.
            pcOrders = withCache(PcOrders.builder()).readOnly().build();
        }
        return pcOrders;
    }

    /** The file, or the PostgreSQL database with the login the environment gives (never a flag: it would show in ps). */
    private PcOrders.Builder withCache(PcOrders.Builder builder) {
        if (database.postgresUrl().isPresent()) {
            try {
                builder.postgresDatabase(database.postgresUrl().get());
            } catch (IllegalArgumentException bad) {
                throw new UsageException("--db: " + bad.getMessage());
            }
            CacheLocation.requireUserWithPassword(environment);
            CacheLocation.user(environment).ifPresent(user ->
                    builder.postgresLogin(user, CacheLocation.password(environment).orElse("")));
            return builder;
        }
        return builder.database(database.file().orElseThrow());
    }

    @Override
    public SyncJobsUseCase syncJobs(PartnerCenterOptions options) {
        return forSync(options).syncJobs();
    }

    @Override
    public long throttledRequests() {
        return pcOrders == null ? 0 : pcOrders.throttledRequests();
    }

    @Override
    public long requestsSent() {
        return pcOrders == null ? 0 : pcOrders.requestsSent();
    }

    @Override
    public void close() {
        if (pcOrders != null) {
            pcOrders.close();
            pcOrders = null;
            openForSync = false;
        }
    }
}
