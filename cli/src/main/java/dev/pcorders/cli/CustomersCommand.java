package dev.pcorders.cli;

import dev.pcorders.domain.customer.CachedCustomer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code customers list}: a read of the local cache, no Partner Center call. */
@Command(name = "customers", description = "List the partner's cached customers (sync them with sync --all-customers).",
        mixinStandardHelpOptions = true, subcommands = CustomersCommand.ListCustomers.class)
final class CustomersCommand {

    @ParentCommand
    PcOrdersCommand root;

    @Command(name = "list", description = "List the partner's customers as the last sync --all-customers found them, by name.",
            mixinStandardHelpOptions = true)
    static final class ListCustomers implements Callable<Integer> {

        @ParentCommand
        CustomersCommand customers;

        @Option(names = "--include-removed", description = "Also the customers a later sync no longer found (listed last).")
        boolean includeRemoved;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                converter = FormatConverter.class, description = "table, json or csv (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Mixin
        OutputFileOptions output;

        @Override
        public Integer call() throws IOException {
            output.check("customers list", format, OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV);
            List<CachedCustomer> listed = customers.root.services().findCachedCustomers().findCachedCustomers(includeRemoved);
            return output.print(customers.root, out -> {
                CustomerOutput.list(listed, format, out);
                return ExitCodes.OK;
            });
        }
    }
}
