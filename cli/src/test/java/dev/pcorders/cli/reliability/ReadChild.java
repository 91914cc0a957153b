package dev.pcorders.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.cli.PcOrdersCli;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child process that reads the cache through the command line ({@code orders list --format json})
 * over and over while others write it, printing {@code read N} (orders listed) or {@code failed EXIT
 * MESSAGE} per round. Arguments: database file, stop file, maximum rounds. Starts once the database file
 * exists; stops when the stop file exists or the rounds are used up; exits 0 if no round failed.
 */
public final class ReadChild {

    private ReadChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String database = args[0];
        Path stop = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        ObjectMapper json = new ObjectMapper();
        boolean failed = false;
        // Reading a cache that does not exist is an error (exit 4): begin once a writer has made the file, which is
        // often while its schema is still being created, itself part of what this test exercises.
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(Path.of(database)) && !Files.exists(stop) && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        for (int round = 0; round < rounds && !Files.exists(stop); round++) {
            StringWriter listed = new StringWriter();
            StringWriter errors = new StringWriter();
            int exit = PcOrdersCli.run(new String[] {"--db", database, "orders", "list", "--format", "json"},
                    new PrintWriter(listed), new PrintWriter(errors), Map.of());
            if (exit != 0) {
                failed = true;
                out.println("failed " + exit + " " + errors.toString().replace('\n', ' '));
                continue;
            }
            JsonNode orders = json.readTree(listed.toString());
            out.println("read " + orders.size());
        }
        System.exit(failed ? 1 : 0);
    }
}
