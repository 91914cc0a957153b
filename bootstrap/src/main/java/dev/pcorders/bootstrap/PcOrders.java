package dev.pcorders.bootstrap;

import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.customer.CloseableCustomerGateway;
import dev.pcorders.adapter.http.customer.PartnerCenterCustomerGateways;
import dev.pcorders.adapter.http.order.BillingTypeEncoding;
import dev.pcorders.adapter.http.order.CloseableOrderGateway;
import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RequestPacer;
import dev.pcorders.adapter.http.subscription.CloseableSubscriptionGateway;
import dev.pcorders.adapter.http.subscription.PartnerCenterSubscriptionGateways;
import dev.pcorders.adapter.persistence.ledger.CsvLedgerSource;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.customer.service.FindCachedCustomersService;
import dev.pcorders.application.customer.service.ListCustomerChangesService;
import dev.pcorders.application.customer.service.SyncCustomersService;
import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.in.GetOrdersUseCase;
import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.application.order.service.FindCachedOrderByIdService;
import dev.pcorders.application.order.service.FindCachedOrdersService;
import dev.pcorders.application.order.service.GetOrdersService;
import dev.pcorders.application.order.service.ListOrderChangesService;
import dev.pcorders.application.order.service.ReconcileOrdersService;
import dev.pcorders.application.order.service.SyncOrdersService;
import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.shared.service.SyncJobsService;
import dev.pcorders.application.shared.sync.SyncConcurrency;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import dev.pcorders.application.subscription.service.FindCachedSubscriptionsService;
import dev.pcorders.application.subscription.service.ListSubscriptionChangesService;
import dev.pcorders.application.subscription.service.SyncSubscriptionsService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * pc-orders from plain Java: the use cases over Partner Center and a cache (a SQLite file, or a PostgreSQL database a
 * team shares), built and closed in one place.
 * <pre>{@code
 * try (PcOrders pcOrders = PcOrders.builder()
 *         .accessTokenProvider(new ClientCredentialsTokenProvider(EntraTokenEndpoint.forTenant(tenant), clientId, secret))
 *         .database(Path.of("orders.db"))
 *         .build()) {
 *     pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(List.of(customer)));
 * }
 * }</pre>
 * A shared cache instead: {@code .postgresDatabase("jdbc:postgresql://db.example:5432/pc_orders")
 * .postgresLogin(user, password)}.
 * Either half may be left out: without a token provider the cache can still be read and reconciled;
 * without a database the orders can still be read live with {@link #getOrders()}. Asking for a use case
 * whose half is missing fails with an {@link IllegalStateException} that says what to configure.
 * <p>
 * A running sync is cancelled the Java way: interrupt its thread, or run it as a task and cancel the task's
 * {@link java.util.concurrent.Future} with {@code cancel(true)}. The customers it finished stay stored, the ones in
 * flight store nothing (their runs are recorded as failed), no other begins, and the sync throws
 * {@link java.util.concurrent.CancellationException} with the thread's interrupt flag kept.
 */
public final class PcOrders implements AutoCloseable {

    private final Optional<CloseableOrderGateway> gateway;
    private final LazyClient<CloseableSubscriptionGateway> subscriptionGateway;
    private final LazyClient<CloseableCustomerGateway> customerGateway;
    private final Optional<CacheStore> store;
    private final LedgerSource ledgerSource;
    private final Clock clock;
    private final SyncConcurrency concurrency;
    private final RequestPacer pacer;

    private PcOrders(Optional<CloseableOrderGateway> gateway,
                     Optional<Supplier<CloseableSubscriptionGateway>> subscriptionGatewayOpener,
                     Optional<Supplier<CloseableCustomerGateway>> customerGatewayOpener,
                     Optional<CacheStore> store, LedgerSource ledgerSource, Clock clock,
                     SyncConcurrency concurrency, RequestPacer pacer) {
        this.gateway = gateway;
        this.subscriptionGateway = new LazyClient<>(subscriptionGatewayOpener, CloseableSubscriptionGateway::close,
                "sync subscriptions");
        this.customerGateway = new LazyClient<>(customerGatewayOpener, CloseableCustomerGateway::close,
                "list the partner's customers");
        this.store = store;
        this.ledgerSource = ledgerSource;
        this.clock = clock;
        this.concurrency = concurrency;
        this.pacer = pacer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Orders read live from Partner Center, page by page, without the cache. */
    public GetOrdersUseCase getOrders() {
        return new GetOrdersService(gateway());
    }

    /** Partner Center into the cache, one snapshot per customer and scope. */
    public SyncOrdersUseCase syncOrders() {
        return new SyncOrdersService(gateway(), cache().orderSnapshots(), cache().runLog(), clock, concurrency);
    }

    public FindCachedOrdersUseCase findCachedOrders() {
        return new FindCachedOrdersService(cache().orders());
    }

    public FindCachedOrderByIdUseCase findCachedOrderById() {
        return new FindCachedOrderByIdService(cache().orders());
    }

    public ListOrderChangesUseCase listOrderChanges() {
        return new ListOrderChangesService(cache().orderChanges());
    }

    /** The cache against a ledger file (Partner Center's invoice reconciliation export or a partner ledger). */
    public ReconcileOrdersUseCase reconcileOrders() {
        return new ReconcileOrdersService(cache().orders(), cache().runLog(), ledgerSource, cache().subscriptions());
    }

    /**
     * The title of {@code ledger}'s format as {@link #reconcileOrders()} reads it ("partner ledger", "Partner Center
     * invoice reconciliation export"), for reports that name what they read; only the header row is read.
     *
     * @throws dev.pcorders.application.order.port.out.LedgerReadException when the file cannot be read or its header
     *         matches no known format
     */
    public Optional<String> ledgerFormatOf(Path ledger) {
        return ledgerSource.formatOf(ledger);
    }

    /** Customers' subscriptions from Partner Center into the cache, one snapshot per customer. */
    public SyncSubscriptionsUseCase syncSubscriptions() {
        return new SyncSubscriptionsService(subscriptionGateway.get(), cache().subscriptionSnapshots(), cache().runLog(),
                clock, concurrency);
    }

    public FindCachedSubscriptionsUseCase findCachedSubscriptions() {
        return new FindCachedSubscriptionsService(cache().subscriptions());
    }

    public ListSubscriptionChangesUseCase listSubscriptionChanges() {
        return new ListSubscriptionChangesService(cache().subscriptionChanges());
    }

    /** The sync jobs recorded in the cache: what a sync over many customers planned, to resume what it did not finish. */
    public SyncJobsUseCase syncJobs() {
        return new SyncJobsService(cache().syncJobs(), clock);
    }

    /** The partner's customer list from Partner Center into the cache, as one snapshot. */
    public SyncCustomersUseCase syncCustomers() {
        return new SyncCustomersService(customerGateway.get(), cache().customerSnapshots(), cache().runLog(), clock);
    }

    public FindCachedCustomersUseCase findCachedCustomers() {
        return new FindCachedCustomersService(cache().customers());
    }

    public ListCustomerChangesUseCase listCustomerChanges() {
        return new ListCustomerChangesService(cache().customerChanges());
    }

    /**
     * How many requests Partner Center answered 429 (throttled) since this PcOrders was built, over all its clients;
     * always 0 without a rate limit, since nothing then keeps count.
     */
    public long throttledRequests() {
        return pacer.throttledRequests();
    }

    /**
     * How many requests (retries included) went to Partner Center since this PcOrders was built, over all its clients;
     * always 0 without a rate limit, since nothing then keeps count.
     */
    public long requestsSent() {
        return pacer.requestsSent();
    }

    /** The cache file, when a SQLite one was configured. */
    public Optional<Path> database() {
        return store.flatMap(CacheStore::file);
    }

    /** What the cache is called in messages: the file's path, or {@code postgresql://host:port/database}. */
    public Optional<String> cacheName() {
        return store.map(CacheStore::name);
    }

    /** Closes the HTTP client and the database pools; the use cases handed out stop working. */
    @Override
    public void close() {
        try {
            gateway.ifPresent(CloseableOrderGateway::close);
        } finally {
            try {
                subscriptionGateway.close();
            } finally {
                try {
                    customerGateway.close();
                } finally {
                    store.ifPresent(CacheStore::close);
                }
            }
        }
    }

    private CloseableOrderGateway gateway() {
        return gateway.orElseThrow(() -> new IllegalStateException(
                "no Partner Center access: build PcOrders with an accessTokenProvider(...) to read or sync orders"));
    }

    private CacheStore cache() {
        return store.orElseThrow(() -> new IllegalStateException(
                "no local cache: build PcOrders with a database(Path), or leave pc-orders.cache.enabled at true in the"
                        + " Micronaut configuration, to sync, read or reconcile cached orders"));
    }

    /** Collects the settings; {@link #build()} opens the HTTP client and the database. */
    public static final class Builder {

        private PartnerCenterClientSettings partnerCenter = PartnerCenterClientSettings.defaults();
        private BillingTypeEncoding billingTypeEncoding = BillingTypeEncoding.INTEGER;
        private AccessTokenProvider accessTokenProvider;
        private Path database;
        private String postgresUrl;
        private String postgresUser;
        private String postgresPassword;
        private PostgresStoreSettings postgresSettings = PostgresStoreSettings.defaults();
        private boolean readOnly;
        private SqliteStoreSettings storeSettings = SqliteStoreSettings.defaults();
        private LedgerSource ledgerSource = new CsvLedgerSource();
        private Clock clock = Clock.systemUTC();
        private int customerPageSize = PartnerCenterCustomerGateways.DEFAULT_PAGE_SIZE;
        private Integer rateLimitPerMinute;
        private SyncConcurrency concurrency = SyncConcurrency.SEQUENTIAL;

        private Builder() {
        }

        /**
         * Customers asked for per request when listing the partner's customers: 1 to
         * {@value PartnerCenterCustomerGateways#MAX_PAGE_SIZE}, default {@value PartnerCenterCustomerGateways#DEFAULT_PAGE_SIZE}.
         */
        /**
         * At most {@code requests} a minute to Partner Center, over every client of this PcOrders and every customer
         * synced at once (Partner Center documents 500 a minute per tenant for orders). A 429 pauses them all for
         * its Retry-After and slows the rate, which then creeps back. Default: no limit; replaces a pacer given in
         * {@link #partnerCenter}.
         */
        public Builder rateLimitPerMinute(int requests) {
            RequestPacer.perMinute(requests);
            rateLimitPerMinute = requests;
            return this;
        }

        /**
         * How many customers a sync fetches at once (default 1: one after another). Each customer's snapshot still
         * commits on its own; the cache's single writer takes them one at a time.
         */
        public Builder customersAtOnce(int value) {
            concurrency = SyncConcurrency.customersAtOnce(value);
            return this;
        }

        public Builder customerPageSize(int value) {
            customerPageSize = PartnerCenterCustomerGateways.checkedPageSize(value);
            return this;
        }

        /** Where Partner Center is; default {@link PartnerCenterClientSettings#DEFAULT_BASE_URL}. */
        public Builder baseUrl(URI baseUrl) {
            partnerCenter = partnerCenter.withBaseUrl(baseUrl);
            return this;
        }

        /** Every client setting at once (timeouts, retries, billing-type encoding, ...); replaces an earlier {@link #baseUrl}. */
        public Builder partnerCenter(PartnerCenterClientSettings settings) {
            partnerCenter = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How a billing cycle filter is sent; default {@link BillingTypeEncoding#INTEGER}, the REST reference's int32. */
        public Builder billingTypeEncoding(BillingTypeEncoding value) {
            billingTypeEncoding = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder accessTokenProvider(AccessTokenProvider provider) {
            accessTokenProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The SQLite cache; created, or migrated to this build's schema, when {@link #build()} opens it. */
        public Builder database(Path file) {
            database = Objects.requireNonNull(file, "file");
            postgresUrl = null;
            return this;
        }

        /**
         * A cache in PostgreSQL ({@code jdbc:postgresql://host:port/database}) instead of a file: its tables are created,
         * or migrated to this build's schema, when {@link #build()} opens it. Several processes and machines may share it.
         *
         * @throws IllegalArgumentException when {@code jdbcUrl} is not such a URL
         */
        public Builder postgresDatabase(String jdbcUrl) {
            PostgresLocation.of(jdbcUrl, Optional.empty(), Optional.empty());
            postgresUrl = jdbcUrl;
            database = null;
            return this;
        }

        /**
         * Who logs in to the {@link #postgresDatabase}; without it the URL's own parameters or the driver's
         * {@code ~/.pgpass} say. The password appears in no message, log or {@code toString}.
         */
        public Builder postgresLogin(String user, String password) {
            postgresUser = Objects.requireNonNull(user, "user");
            postgresPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        public Builder postgresSettings(PostgresStoreSettings settings) {
            postgresSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Opens the {@link #database} for reading only: it must exist, is never created, migrated or written, needs no
         * write access to its folder and leaves no file beside it. Syncing then fails with an {@code StoreException}.
         * A {@link #postgresDatabase} must hold a cache already (an older schema is upgraded) and is never written.
         */
        public Builder readOnly() {
            readOnly = true;
            return this;
        }

        public Builder storeSettings(SqliteStoreSettings settings) {
            storeSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Reads ledger files for reconciliation; default: CSV in either supported format. */
        public Builder ledgerSource(LedgerSource source) {
            ledgerSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The clock sync runs are stamped with. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Opens what was configured.
         *
         * @throws IllegalStateException if neither an access token provider nor a database was given
         * @throws dev.pcorders.application.shared.port.out.StoreException if the database cannot be opened
         */
        public PcOrders build() {
            if (accessTokenProvider == null && database == null && postgresUrl == null) {
                throw new IllegalStateException("PcOrders needs an accessTokenProvider(...), a database(Path) or "
                        + "postgresDatabase(url), or both");
            }
            Optional<CacheStore> store = openStore();
            Optional<CloseableOrderGateway> gateway = Optional.empty();
            try {
                // One pacer for every client: the limit is the tenant's, whichever resource a request is for.
                PartnerCenterClientSettings settings = rateLimitPerMinute == null ? partnerCenter
                        : partnerCenter.withRequestPacer(RequestPacer.perMinute(rateLimitPerMinute));
                gateway = Optional.ofNullable(accessTokenProvider)
                        .map(tokens -> PartnerCenterOrderGateways.open(settings, billingTypeEncoding, tokens));
                Optional<Supplier<CloseableSubscriptionGateway>> subscriptions = Optional.ofNullable(accessTokenProvider)
                        .map(tokens -> () -> PartnerCenterSubscriptionGateways.open(settings, tokens));
                int pageSize = customerPageSize;
                Optional<Supplier<CloseableCustomerGateway>> customers = Optional.ofNullable(accessTokenProvider)
                        .map(tokens -> () -> PartnerCenterCustomerGateways.open(settings, pageSize, tokens));
                return new PcOrders(gateway, subscriptions, customers, store, ledgerSource, clock, concurrency,
                        settings.requestPacer());
            } catch (RuntimeException failure) {
                gateway.ifPresent(CloseableOrderGateway::close);
                store.ifPresent(CacheStore::close);
                throw failure;
            }
        }

        private Optional<CacheStore> openStore() {
            if (postgresUrl != null) {
                PostgresLocation location = PostgresLocation.of(postgresUrl, Optional.ofNullable(postgresUser),
                        Optional.ofNullable(postgresPassword));
                return Optional.of(readOnly
                        ? CacheStore.openReadOnly(location, postgresSettings)
                        : CacheStore.open(location, postgresSettings));
            }
            return Optional.ofNullable(database)
                    .map(file -> readOnly
                            ? CacheStore.openReadOnly(file, storeSettings)
                            : CacheStore.open(file, storeSettings));
        }
    }
}
