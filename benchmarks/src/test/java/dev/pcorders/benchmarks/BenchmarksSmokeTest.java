package dev.pcorders.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark runs one tiny iteration through JMH itself (generated code, setup and teardown
 * included), in this JVM. Proves they run; says nothing about speed, and asserts nothing about it.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOneSmallIteration() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("dev\\.pcorders\\.benchmarks\\..*Benchmark\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("targetBytes", "50000")
                .param("orders", "120")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark()).containsExactlyInAnyOrder(
                "dev.pcorders.benchmarks.DecodeBenchmark.gatewayDecoder",
                "dev.pcorders.benchmarks.DecodeBenchmark.jacksonDatabind",
                "dev.pcorders.benchmarks.DecodeBenchmark.jacksonStreaming",
                "dev.pcorders.benchmarks.DecodeBreakdownBenchmark.gatewayDecoder",
                "dev.pcorders.benchmarks.DecodeBreakdownBenchmark.serdeWireRecords",
                "dev.pcorders.benchmarks.DecodeBreakdownBenchmark.jacksonWireRecords",
                "dev.pcorders.benchmarks.DecodeBreakdownBenchmark.jacksonStreaming",
                "dev.pcorders.benchmarks.StoreBenchmark.repository",
                "dev.pcorders.benchmarks.StoreBenchmark.rawJdbc",
                "dev.pcorders.benchmarks.PostgresStoreBenchmark.repository",
                "dev.pcorders.benchmarks.PostgresStoreBenchmark.rawJdbc",
                "dev.pcorders.benchmarks.SyncBenchmark.sandboxGatewayRepository");
    }
}
