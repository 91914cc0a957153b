package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sandbox --latency-ms --latency-jitter-ms --rate-limit}: applied, said on stderr, refused when impossible. */
class SandboxFlagsTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theRateLimitAndLatencyAreAppliedAndSaidOnStderrWhileStdoutStaysTheAddressAndIds() throws Exception {
        List<Integer> exitCodes = new CopyOnWriteArrayList<>();
        PipedReader reader = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(reader), true);
        StringWriter err = new StringWriter();
        Thread command = new Thread(() -> exitCodes.add(PcOrdersCli.run(new String[] {"sandbox", "--customers", "1",
                "--orders", "2", "--latency-ms", "20", "--latency-jitter-ms", "5", "--rate-limit", "1"},
                out, new PrintWriter(err, true), Map.of())));
        command.start();
        BufferedReader lines = new BufferedReader(reader);
        String baseUrl = lines.readLine();
        String customer = lines.readLine();
        assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(customer).matches("[0-9a-f-]{36}");

        HttpRequest orders = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/customers/" + customer + "/orders"))
                .header("Authorization", "Bearer any").build();
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(orders, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = client.send(orders, HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        command.interrupt();
        command.join(30_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(exitCodes).containsExactly(0);
        assertThat(err.toString())
                .contains("sandbox: latency 20 ms +/- 5 ms, rate limit 1 requests per minute per tenant");
    }

    @Test
    void impossibleLatencyOrLimitIsAUsageErrorNamingTheFlag() {
        Cli.Run jitter = Cli.run(Map.of(), "sandbox", "--latency-ms", "5", "--latency-jitter-ms", "6");
        Cli.Run negative = Cli.run(Map.of(), "sandbox", "--latency-ms", "-1");
        Cli.Run limit = Cli.run(Map.of(), "sandbox", "--rate-limit", "0");

        assertThat(jitter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(jitter.err()).contains("--latency-jitter-ms must not exceed --latency-ms (5), got 6");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--latency-ms must not be negative, got -1");
        assertThat(limit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.err()).contains("--rate-limit must be at least 1 request per minute, got 0");
    }
}
