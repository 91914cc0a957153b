package dev.pcorders.cli;

import dev.pcorders.application.order.port.in.FindCachedOrdersUseCase;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.shared.CustomerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code orders list} and {@code orders show}: reads of the local cache, no Partner Center call. */
@Command(name = "orders", description = "List or show cached orders.", mixinStandardHelpOptions = true,
        subcommands = {OrdersCommand.ListOrders.class, OrdersCommand.ShowOrder.class})
final class OrdersCommand {

    @ParentCommand
    PcOrdersCommand root;

    @Command(name = "list", description = "List cached orders, oldest first.", mixinStandardHelpOptions = true)
    static final class ListOrders implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Option(names = "--customer", paramLabel = "GUID", description = "Only this customer's orders.")
        String customer;

        @Option(names = "--reseller", paramLabel = "ID",
                description = "Only orders with a line item whose partnerIdOnRecord is this id (the reseller's MPN id, as Partner Center writes it).")
        String reseller;

        @Option(names = "--status", paramLabel = "S", description = "completed, pending, cancelled, or any value Partner Center sent.")
        String status;

        @Option(names = "--billing-cycle", paramLabel = "C", description = "monthly, annual, triennial, one_time, ...")
        String billingCycle;

        @Option(names = "--from", paramLabel = "DATE", description = "Created on or after this day (UTC), e.g. 2025-01-31.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Created on or before this day (UTC).")
        LocalDate to;

        @Option(names = "--offer", paramLabel = "ID", description = "Only orders with a line item of this offer (P:S:A or a legacy GUID).")
        String offer;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                converter = FormatConverter.class, description = "table, json, csv or xlsx (xlsx with --output; default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Mixin
        OutputFileOptions output;

        @Override
        public Integer call() throws IOException {
            output.check("orders list", format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV,
                    OutputFormat.XLSX);
            OrderCriteria criteria = criteria();
            FindCachedOrdersUseCase find = orders.root.services().findCachedOrders();
            // One read of the cache for the whole listing: pages read one by one could straddle a sync committed between
            // them and skip or repeat orders. Every format prints as the orders arrive.
            OrderOutput.OrderSource matching = action -> find.forEachCachedOrder(criteria, action);
            if (format == OutputFormat.XLSX) {
                return output.write(orders.root, stream -> {
                    XlsxOutput.orders(matching, stream);
                    return ExitCodes.OK;
                });
            }
            return output.print(orders.root, out -> {
                if (format == OutputFormat.JSON) {
                    OrderOutput.json(matching, out);
                } else if (format == OutputFormat.CSV) {
                    OrderOutput.csv(matching, out);
                } else {
                    OrderOutput.table(matching, out);
                }
                return ExitCodes.OK;
            });
        }

        private OrderCriteria criteria() {
            OrderCriteria criteria = OrderCriteria.ALL;
            if (customer != null) {
                criteria = criteria.withCustomer(CustomerId.parse(customer));
            }
            if (reseller != null) {
                criteria = criteria.withPartnerIdOnRecord(reseller.strip());
            }
            if (status != null) {
                criteria = criteria.withStatus(OrderStatus.parse(status));
            }
            if (billingCycle != null) {
                criteria = criteria.withBillingCycle(BillingCycle.parse(billingCycle));
            }
            if (offer != null) {
                criteria = criteria.withOfferId(OfferId.parse(offer));
            }
            if (from != null || to != null) {
                Instant start = from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant end = to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                criteria = criteria.createdBetween(start, end);
            }
            return criteria;
        }
    }

    @Command(name = "show", description = "Show one cached order with its line items.", mixinStandardHelpOptions = true)
    static final class ShowOrder implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Parameters(paramLabel = "ORDER_ID", description = "The order's id, or its alternate id.")
        String orderId;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
                description = "table or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() throws IOException {
            if (format == OutputFormat.CSV) {
                throw new UsageException("orders show prints table or json; use orders list --format csv for CSV");
            }
            format.refuseUnless("orders show", OutputFormat.TABLE, OutputFormat.JSON);
            List<CachedOrder> found = orders.root.services().findCachedOrderById().findCachedOrderById(OrderId.of(orderId));
            PrintWriter out = orders.root.out();
            if (found.isEmpty()) {
                throw new UsageException("no cached order has the id or alternate id "
                        + dev.pcorders.domain.shared.InputQuote.quote(orderId)
                        + "; run sync first, or check the id with orders list");
            }
            for (CachedOrder order : found) {
                if (format == OutputFormat.JSON) {
                    OrderOutput.jsonOne(order, out);
                } else {
                    OrderOutput.tableOne(order, out);
                }
            }
            return ExitCodes.OK;
        }
    }
}
