package dev.pcorders.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, evaluated against deliberately broken classes (the {@code archfixture} packages of this
 * test tree, which the product import excludes), must report the violation planted for it. This is
 * what keeps the suite from passing vacuously.
 */
class ArchitectureRulesCanFailTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(
            // The real in-ports come along (and break nothing) so that a layer dependency has a target in a layer.
            "dev.pcorders.domain.archfixture", "dev.pcorders.application.order.port.in",
            "dev.pcorders.application.order.port.out.archfixture",
            "dev.pcorders.application.order.service.archfixture", "dev.pcorders.adapter.http.archfixture",
            "dev.pcorders.adapter.persistence.archfixture", "dev.pcorders.sandbox.archfixture",
            "dev.pcorders.bootstrap.archfixture", "dev.pcorders.domain.shared.archfixture", "dev.pcorders.cli.archfixture",
            "dev.pcorders.benchmarks.archfixture",
            "dev.pcorders.adapter.http.order");

    static Stream<Arguments> rulesAndTheirPlantedViolations() {
        return Stream.of(
                Arguments.of("1 layering", ArchitectureRules.ONION_LAYERING,
                        List.of("DomainReachingUp", "HttpAdapterBreakingRules", "SandboxBreakingRules",
                                "BootstrapReachingOut")),
                Arguments.of("2 domain", ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, List.of("DomainUsingJUnit")),
                Arguments.of("3 application", ArchitectureRules.APPLICATION_IS_FRAMEWORK_FREE,
                        List.of("QueryHoldingAConnection", "ApplicationUsingMicronautHttp")),
                Arguments.of("4a database", ArchitectureRules.DATABASE_ONLY_IN_PERSISTENCE,
                        List.of("HttpAdapterBreakingRules", "org.jooq.DSLContext")),
                Arguments.of("4b micronaut http", ArchitectureRules.MICRONAUT_HTTP_ONLY_AT_THE_EDGE,
                        List.of("ApplicationUsingMicronautHttp")),
                Arguments.of("4c bootstrap", ArchitectureRules.BOOTSTRAP_IS_ONLY_WIRING,
                        List.of("picocli.CommandLine", "me.tongfei.progressbar.ProgressBar", "SandboxBreakingRules")),
                Arguments.of("5a in to out", ArchitectureRules.IN_PORTS_DO_NOT_USE_OUT_PORTS,
                        List.of("QueryHoldingAConnection", "OrderGateway")),
                Arguments.of("5a out to in", ArchitectureRules.OUT_PORTS_DO_NOT_USE_IN_PORTS,
                        List.of("OutPortUsingInPort", "SyncResult")),
                Arguments.of("5b services", ArchitectureRules.ONLY_BOOTSTRAP_REFERENCES_SERVICES,
                        List.of("HttpAdapterBreakingRules", "SyncOrdersService")),
                Arguments.of("6a use cases", ArchitectureRules.USE_CASES_ARE_IN_PORTS, List.of("FetchOrdersUseCase")),
                Arguments.of("6b services", ArchitectureRules.SERVICES_ARE_IN_SERVICE_PACKAGES, List.of("RetryService")),
                Arguments.of("6c service packages", ArchitectureRules.SERVICE_PACKAGES_HOLD_SERVICES,
                        List.of("OrderSyncImpl")),
                Arguments.of("6d grab bags", ArchitectureRules.NO_GRAB_BAG_NAMES, List.of("OrderSyncImpl")),
                Arguments.of("6d dto", ArchitectureRules.DTOS_ONLY_IN_WIRE, List.of("OrderDto")),
                Arguments.of("7 fields", ArchitectureRules.NO_IMPRECISE_FIELDS,
                        List.of("PriceAsDouble.amount", "PriceAsDouble.when")),
                Arguments.of("8 cycles", ArchitectureRules.NO_PACKAGE_CYCLES, List.of("cyclea", "cycleb")),
                Arguments.of("9a console", ArchitectureRules.NO_CONSOLE_OUTSIDE_CLI, List.of("System.out")),
                Arguments.of("9b jul", ArchitectureRules.NO_JAVA_UTIL_LOGGING, List.of("java.util.logging")),
                Arguments.of("9c exceptions", ArchitectureRules.NO_GENERIC_EXCEPTIONS, List.of("RuntimeException")),
                Arguments.of("10a shared kernel", ArchitectureRules.SHARED_PACKAGES_KNOW_NO_RESOURCE,
                        List.of("SharedKernelNamingAnOrder", "OrderId")),
                Arguments.of("10b entry points", ArchitectureRules.ONLY_ENTRY_POINTS_LEAVE_AN_ADAPTER,
                        List.of("CliReachingIntoAnAdapter", "BenchmarkReachingIntoAnAdapter", "ArchfixturePublicOrderHelper")),
                Arguments.of("10c package-private", ArchitectureRules.RESOURCE_ADAPTER_INTERNALS_ARE_NOT_PUBLIC,
                        List.of("ArchfixturePublicOrderHelper")));
    }

    @ParameterizedTest(name = "rule {0}")
    @MethodSource("rulesAndTheirPlantedViolations")
    void reportsItsPlantedViolation(String name, ArchRule rule, List<String> expectedInReport) throws IOException {
        EvaluationResult result = rule.evaluate(VIOLATIONS);

        assertThat(result.hasViolation()).as("rule %s found no violation", name).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report).contains(expectedInReport);
        keepForReview(name, report);
    }

    /** The reports land in target/ so a reviewer can read what each rule says when it fires. */
    private static synchronized void keepForReview(String name, String report) throws IOException {
        Path file = Path.of("target", "architecture-violations.txt");
        Files.writeString(file, "== rule " + name + "\n" + report + "\n\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasAPlantedViolation() {
        assertThat(rulesAndTheirPlantedViolations().map(arguments -> arguments.get()[1]))
                .containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
    }
}
