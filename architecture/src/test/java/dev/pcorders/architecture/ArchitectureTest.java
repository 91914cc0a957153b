package dev.pcorders.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of {@link ArchitectureRules} against the production classes of all modules. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test-jars (fakes, fixtures) on the test classpath are not product either.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.pcorders");
    }

    @Test
    void theImportSeesTheCoreModules() {
        // Guards against a classpath change that would leave every rule checking almost nothing.
        assertThat(product.containPackage("dev.pcorders.domain.order")).isTrue();
        assertThat(product.containPackage("dev.pcorders.application.order.service")).isTrue();
        // The command line is in its own module now: the rules that name bootstrap, the sandbox or cli need all three.
        assertThat(product.containPackage("dev.pcorders.bootstrap")).isTrue();
        assertThat(product.containPackage("dev.pcorders.sandbox")).isTrue();
        assertThat(product.containPackage("dev.pcorders.cli")).isTrue();
        assertThat(product.containPackage("dev.pcorders.benchmarks")).isTrue();
        assertThat(product.containPackage("dev.pcorders.domain.shared")).isTrue();
        assertThat(product.containPackage("dev.pcorders.application.shared.sync")).isTrue();
        assertThat(product.stream().filter(type -> type.getPackageName().startsWith("dev.pcorders."))).hasSizeGreaterThan(50);
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productHolds(ArchRule rule) {
        rule.check(product);
    }
}
