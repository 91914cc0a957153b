package dev.pcorders.cli;

import dev.pcorders.application.customer.port.in.FindCachedCustomersUseCase;
import dev.pcorders.application.customer.port.in.ListCustomerChangesUseCase;
import dev.pcorders.application.customer.port.in.SyncCustomersUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrderByIdUseCase;
import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.application.order.port.in.ListOrderChangesUseCase;
import dev.pcorders.application.order.port.in.ReconcileOrdersUseCase;
import dev.pcorders.application.order.port.in.SyncOrdersUseCase;
import dev.pcorders.application.shared.port.in.SyncJobsUseCase;
import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsUseCase;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The use cases a command runs, created on first use: commands that do not need the database
 * ({@code --help}, {@code sandbox}) never open it.
 */
interface CliServices extends AutoCloseable {

    FindCachedOrdersUseCase findCachedOrders();

    FindCachedOrderByIdUseCase findCachedOrderById();

    ListOrderChangesUseCase listOrderChanges();

    ReconcileOrdersUseCase reconcileOrders();

    /** The title of the ledger's format as {@link #reconcileOrders()} reads it; see {@code PcOrders.ledgerFormatOf}. */
    Optional<String> ledgerFormatOf(Path ledger);

    /** Needs credentials as well as the database; the options say where Partner Center is. */
    SyncOrdersUseCase syncOrders(PartnerCenterOptions options);

    /** As {@link #syncOrders}; both use the same connection and database when a sync asks for both. */
    SyncSubscriptionsUseCase syncSubscriptions(PartnerCenterOptions options);

    /** As {@link #syncOrders}: the partner's customer list, stored as a snapshot of its own. */
    SyncCustomersUseCase syncCustomers(PartnerCenterOptions options);

    FindCachedCustomersUseCase findCachedCustomers();

    ListCustomerChangesUseCase listCustomerChanges();

    FindCachedSubscriptionsUseCase findCachedSubscriptions();

    ListSubscriptionChangesUseCase listSubscriptionChanges();

    /** Opened as for {@link #syncOrders}: a sync records its job in the database it writes. */
    SyncJobsUseCase syncJobs(PartnerCenterOptions options);

    /** How many requests Partner Center answered 429 since the services were opened for syncing; 0 before. */
    long throttledRequests();

    /** How many requests (retries included) went to Partner Center since the services were opened for syncing; 0 before. */
    long requestsSent();

    @Override
    void close();
}
