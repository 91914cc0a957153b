package dev.pcorders.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The nine rule groups of ARCHITECTURE.md, as values so that {@link ArchitectureTest} can check them
 * against the product and {@link ArchitectureRulesCanFailTest} can prove each one catches a violation.
 */
final class ArchitectureRules {

    static final String DOMAIN = "dev.pcorders.domain..";
    static final String APPLICATION = "dev.pcorders.application..";
    static final String HTTP_ADAPTER = "dev.pcorders.adapter.http..";
    static final String PERSISTENCE_ADAPTER = "dev.pcorders.adapter.persistence..";
    static final String SANDBOX = "dev.pcorders.sandbox..";
    static final String BOOTSTRAP = "dev.pcorders.bootstrap..";
    static final String CLI = "dev.pcorders.cli..";
    static final String PICOCLI = "picocli..";
    static final String PROGRESS_BAR = "me.tongfei.progressbar..";
    static final String GENERATED_JOOQ = "dev.pcorders.adapter.persistence.jooq..";

    private ArchitectureRules() {
    }

    /**
     * 1. Onion layering: domain <- application <- adapters; adapters do not see each other. bootstrap wires the
     * adapters; only the command line sees bootstrap and the sandbox.
     */
    static final ArchRule ONION_LAYERING = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            // Optional only while these modules are shells waiting for their issues; see the README's module map.
            .optionalLayer("HttpAdapter").definedBy(HTTP_ADAPTER)
            .optionalLayer("PersistenceAdapter").definedBy(PERSISTENCE_ADAPTER)
            .optionalLayer("Sandbox").definedBy(SANDBOX)
            .optionalLayer("Bootstrap").definedBy(BOOTSTRAP)
            .optionalLayer("Cli").definedBy(CLI)
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Bootstrap").mayOnlyBeAccessedByLayers("Cli")
            // The command line builds token providers and client settings from its flags.
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap", "Cli")
            .whereLayer("PersistenceAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Application").mayOnlyBeAccessedByLayers(
                    "HttpAdapter", "PersistenceAdapter", "Bootstrap", "Cli")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers(
                    "Application", "HttpAdapter", "PersistenceAdapter", "Sandbox", "Bootstrap", "Cli")
            .because("the core must not know its adapters, and adapters are swapped independently");

    /** 2. The domain depends on the JDK and itself only. */
    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the order model must compile and test without any framework");

    /** 3. The application layer uses no framework, database or JSON library. */
    static final ArchRule APPLICATION_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "jakarta..", "javax.inject..", "org.jooq..", "com.zaxxer..", "java.sql..",
                    "javax.sql..", "com.fasterxml..", "org.sqlite..", "org.flywaydb..")
            .because("use cases are plain Java; technology lives in the adapters");

    /** 4a. jOOQ, SQLite, Hikari, Flyway and JDBC only inside adapters-persistence (and bootstrap). */
    static final ArchRule DATABASE_ONLY_IN_PERSISTENCE = noClasses().that()
            .resideOutsideOfPackages(PERSISTENCE_ADAPTER, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "org.sqlite..", "com.zaxxer..", "org.flywaydb..", "java.sql..", "javax.sql..")
            .because("the cache's technology is the persistence adapter's business");

    /** 4b. Micronaut HTTP only inside adapters-http, the sandbox, bootstrap and cli (which starts the sandbox). */
    static final ArchRule MICRONAUT_HTTP_ONLY_AT_THE_EDGE = noClasses().that()
            .resideOutsideOfPackages(HTTP_ADAPTER, SANDBOX, BOOTSTRAP, CLI)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..")
            .because("only the HTTP adapter, the sandbox server and the wiring speak HTTP");

    /** 4c. bootstrap, what an embedding application ships, brings no command line, progress bar or sandbox. */
    static final ArchRule BOOTSTRAP_IS_ONLY_WIRING = noClasses().that().resideInAPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(PICOCLI, PROGRESS_BAR, SANDBOX, CLI)
            .because("those belong to the pc-orders command line, not to the library an application embeds");

    /** 5a. In-ports and out-ports do not depend on each other. */
    static final ArchRule IN_PORTS_DO_NOT_USE_OUT_PORTS = noClasses().that().resideInAPackage("..port.in..")
            .should().dependOnClassesThat().resideInAPackage("..port.out..")
            .because("what a caller asks for must not leak how the application gets it");

    static final ArchRule OUT_PORTS_DO_NOT_USE_IN_PORTS = noClasses().that().resideInAPackage("..port.out..")
            .should().dependOnClassesThat().resideInAPackage("..port.in..")
            .because("adapters implement out-ports without knowing the use cases");

    /** 5b. Adapters do not depend on services: only the wiring references a service. */
    static final ArchRule ONLY_BOOTSTRAP_REFERENCES_SERVICES = noClasses().that()
            .resideOutsideOfPackages(BOOTSTRAP, "..application..service..")
            .should().dependOnClassesThat().resideInAPackage("..application..service..")
            .because("adapters and callers talk to ports; which service implements one is wiring");

    /** 6a. Use cases are interfaces in port.in. */
    static final ArchRule USE_CASES_ARE_IN_PORTS = classes().that().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage("..port.in..");

    /** 6b. Services live in a service package and implement a use case. */
    static final ArchRule SERVICES_ARE_IN_SERVICE_PACKAGES = classes().that().haveSimpleNameEndingWith("Service")
            .and().areNotInterfaces()
            .should().resideInAPackage("..application..service..")
            .andShould().implement(simpleNameEndingWith("UseCase"));

    /** 6c. The service package holds services only. */
    static final ArchRule SERVICE_PACKAGES_HOLD_SERVICES = classes().that().resideInAPackage("..application..service..")
            .and().arePublic()
            .should().haveSimpleNameEndingWith("Service");

    /** 6d. No Impl, Manager or Util grab-bags; Dto only in wire packages. */
    static final ArchRule NO_GRAB_BAG_NAMES = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("a name should say what a class is for");

    static final ArchRule DTOS_ONLY_IN_WIRE = noClasses().that().resideOutsideOfPackage("..wire..")
            .should().haveSimpleNameEndingWith("Dto")
            .because("a Dto is a wire shape; everywhere else the domain's records are used");

    /** 7. No binary floating point, Date or zone-less LocalDateTime in the model or the use cases. */
    static final ArchRule NO_IMPRECISE_FIELDS = fields().that().areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should().notHaveRawType(double.class)
            .andShould().notHaveRawType(float.class)
            .andShould().notHaveRawType(Double.class)
            .andShould().notHaveRawType(Float.class)
            .andShould().notHaveRawType(java.util.Date.class)
            .andShould().notHaveRawType(LocalDateTime.class)
            .because("money is BigDecimal and time is Instant or LocalDate");

    /** 8. No package cycles anywhere in the product. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.pcorders.(**)").should().beFreeOfCycles()
            // jOOQ's generated schema and its tables refer to each other by design; that code is never edited by hand.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(GENERATED_JOOQ),
                    JavaClass.Predicates.resideInAPackage(GENERATED_JOOQ));

    /** 9a. Only the command line writes to the console. */
    static final ArchRule NO_CONSOLE_OUTSIDE_CLI = noClasses().that().resideOutsideOfPackage(CLI)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("libraries log; only the command line talks to a terminal");

    /** 9b. No java.util.logging. */
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            // ArchUnit's predefined rule only catches a JUL logger stored in a field; any use is meant here.
            .because("pc-orders logs through SLF4J so the embedding application controls the output");

    /** 9c. No generic exceptions thrown. */
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    static final List<ArchRule> ALL = List.of(ONION_LAYERING, DOMAIN_IS_PLAIN_JAVA, APPLICATION_IS_FRAMEWORK_FREE,
            DATABASE_ONLY_IN_PERSISTENCE, MICRONAUT_HTTP_ONLY_AT_THE_EDGE, BOOTSTRAP_IS_ONLY_WIRING,
            IN_PORTS_DO_NOT_USE_OUT_PORTS, OUT_PORTS_DO_NOT_USE_IN_PORTS, ONLY_BOOTSTRAP_REFERENCES_SERVICES,
            USE_CASES_ARE_IN_PORTS, SERVICES_ARE_IN_SERVICE_PACKAGES, SERVICE_PACKAGES_HOLD_SERVICES, NO_GRAB_BAG_NAMES,
            DTOS_ONLY_IN_WIRE, NO_IMPRECISE_FIELDS, NO_PACKAGE_CYCLES, NO_CONSOLE_OUTSIDE_CLI, NO_JAVA_UTIL_LOGGING,
            NO_GENERIC_EXCEPTIONS);

    private static DescribedPredicate<JavaClass> simpleNameEndingWith(String suffix) {
        return DescribedPredicate.describe("a type named *" + suffix,
                type -> type.getSimpleName().endsWith(suffix));
    }
}
