package dev.pcorders.cli;

import dev.pcorders.application.subscription.port.in.FindCachedSubscriptionsUseCase;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code subscriptions list}: a read of the local cache, no Partner Center call. */
@Command(name = "subscriptions", description = "List cached subscriptions (sync them with sync --resources subscriptions).",
        mixinStandardHelpOptions = true, subcommands = SubscriptionsCommand.ListSubscriptions.class)
final class SubscriptionsCommand {

    @ParentCommand
    PcOrdersCommand root;

    @Command(name = "list", description = "List cached subscriptions, oldest first.",
            mixinStandardHelpOptions = true)
    static final class ListSubscriptions implements Callable<Integer> {

        @ParentCommand
        SubscriptionsCommand subscriptions;

        @Option(names = "--customer", paramLabel = "GUID", description = "Only this customer's subscriptions.")
        String customer;

        @Option(names = "--status", paramLabel = "S",
                description = "active, suspended, deleted, expired, pending, disabled, or any value Partner Center sent.")
        String status;

        @Option(names = "--offer", paramLabel = "ID", description = "Only subscriptions of this offer id.")
        String offer;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                converter = FormatConverter.class, description = "table, json, csv or xlsx (xlsx with --output; default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Mixin
        OutputFileOptions output;

        @Override
        public Integer call() throws IOException {
            output.check("subscriptions list", format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV,
                    OutputFormat.XLSX);
            SubscriptionCriteria criteria = criteria();
            FindCachedSubscriptionsUseCase find = subscriptions.root.services().findCachedSubscriptions();
            // One read of the cache for the whole listing, printed as the subscriptions arrive.
            SubscriptionOutput.SubscriptionSource matching = action -> find.forEachCachedSubscription(criteria, action);
            if (format == OutputFormat.XLSX) {
                return output.write(subscriptions.root, stream -> {
                    XlsxOutput.subscriptions(matching, stream);
                    return ExitCodes.OK;
                });
            }
            return output.print(subscriptions.root, out -> {
                if (format == OutputFormat.JSON) {
                    SubscriptionOutput.json(matching, out);
                } else if (format == OutputFormat.CSV) {
                    SubscriptionOutput.csv(matching, out);
                } else {
                    SubscriptionOutput.table(matching, out);
                }
                return ExitCodes.OK;
            });
        }

        private SubscriptionCriteria criteria() {
            SubscriptionCriteria criteria = SubscriptionCriteria.ALL;
            if (customer != null) {
                criteria = criteria.withCustomer(CustomerId.parse(customer));
            }
            if (status != null) {
                criteria = criteria.withStatus(SubscriptionStatus.parse(status.strip()));
            }
            if (offer != null) {
                criteria = criteria.withOfferId(offer.strip());
            }
            return criteria;
        }
    }
}
