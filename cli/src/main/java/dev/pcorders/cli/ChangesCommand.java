package dev.pcorders.cli;

import dev.pcorders.application.order.port.in.OrderChangesQuery;
import dev.pcorders.application.subscription.port.in.SubscriptionChangesQuery;
import dev.pcorders.domain.shared.CustomerId;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "changes", description = "Show what syncs found added, changed or removed, oldest first.",
        mixinStandardHelpOptions = true)
final class ChangesCommand implements Callable<Integer> {

    @ParentCommand
    PcOrdersCommand root;

    @Option(names = "--customer", paramLabel = "GUID", description = "Only this customer's changes.")
    String customer;

    @Option(names = "--resource", paramLabel = "RESOURCE", defaultValue = "orders",
            description = "orders, subscriptions or customers (default: ${DEFAULT-VALUE}).")
    String resource;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    OutputFileOptions output;

    @Override
    public Integer call() throws IOException {
        output.check("changes", format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV);
        String kind = resource.strip().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("subscriptions")) {
            SubscriptionChangesQuery query = customer == null ? SubscriptionChangesQuery.ALL
                    : SubscriptionChangesQuery.ALL.ofCustomer(CustomerId.parse(customer));
            var changes = root.services().listSubscriptionChanges().listSubscriptionChanges(query);
            return output.print(root, out -> {
                SubscriptionOutput.changes(changes, format, out);
                return ExitCodes.OK;
            });
        }
        if (kind.equals("customers")) {
            Optional<CustomerId> only = Optional.ofNullable(customer).map(CustomerId::parse);
            var changes = root.services().listCustomerChanges().listCustomerChanges(only, Optional.empty());
            return output.print(root, out -> {
                CustomerOutput.changes(changes, format, out);
                return ExitCodes.OK;
            });
        }
        if (!kind.equals("orders")) {
            throw new UsageException("--resource takes orders, subscriptions or customers, got "
                    + dev.pcorders.domain.shared.InputQuote.quote(resource));
        }
        OrderChangesQuery query = customer == null ? OrderChangesQuery.ALL : OrderChangesQuery.ALL.ofCustomer(CustomerId.parse(customer));
        var changes = root.services().listOrderChanges().listOrderChanges(query);
        return output.print(root, out -> {
            ReportOutput.changes(changes, format, out);
            return ExitCodes.OK;
        });
    }
}
