package dev.pcorders.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The rule groups of ARCHITECTURE.md (1-9) and of the resource-neutral core (10), as values so that {@link ArchitectureTest} can check them
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
    static final String BENCHMARKS = "dev.pcorders.benchmarks..";
    static final String PICOCLI = "picocli..";
    static final String PROGRESS_BAR = "me.tongfei.progressbar..";
    static final String GENERATED_JOOQ = "dev.pcorders.adapter.persistence.jooq..";

    private ArchitectureRules() {
    }

    /**
     * 1. Onion layering: domain <- application <- adapters; adapters do not see each other. bootstrap wires the
     * adapters; only the command line sees bootstrap and the sandbox. The benchmarks wire their own measurements and
     * nothing sees them. Every layer must exist: an empty one would pass every rule that names it.
     */
    static final ArchRule ONION_LAYERING = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("HttpAdapter").definedBy(HTTP_ADAPTER)
            .layer("PersistenceAdapter").definedBy(PERSISTENCE_ADAPTER)
            .layer("Sandbox").definedBy(SANDBOX)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .layer("Cli").definedBy(CLI)
            .layer("Benchmarks").definedBy(BENCHMARKS)
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
            .whereLayer("Bootstrap").mayOnlyBeAccessedByLayers("Cli")
            // The command line builds token providers and client settings from its flags.
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap", "Cli", "Benchmarks")
            .whereLayer("PersistenceAdapter").mayOnlyBeAccessedByLayers("Bootstrap", "Benchmarks")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Cli", "Benchmarks")
            .whereLayer("Application").mayOnlyBeAccessedByLayers(
                    "HttpAdapter", "PersistenceAdapter", "Bootstrap", "Cli", "Benchmarks")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers(
                    "Application", "HttpAdapter", "PersistenceAdapter", "Sandbox", "Bootstrap", "Cli", "Benchmarks")
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

    /**
     * 4a. jOOQ, SQLite, Hikari, Flyway and JDBC only inside adapters-persistence (and bootstrap); the benchmarks also
     * write with raw JDBC, the baseline the store is measured against.
     */
    static final ArchRule DATABASE_ONLY_IN_PERSISTENCE = noClasses().that()
            .resideOutsideOfPackages(PERSISTENCE_ADAPTER, BOOTSTRAP, BENCHMARKS)
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

    /** 5b. Adapters do not depend on services: only the wiring (bootstrap, and the benchmarks' own) references one. */
    static final ArchRule ONLY_BOOTSTRAP_REFERENCES_SERVICES = noClasses().that()
            .resideOutsideOfPackages(BOOTSTRAP, BENCHMARKS, "..application..service..")
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

    /** 9a. Only the command line (and the benchmarks' command-line tools) write to the console. */
    static final ArchRule NO_CONSOLE_OUTSIDE_CLI = noClasses().that().resideOutsideOfPackages(CLI, BENCHMARKS)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("libraries log; only the command line talks to a terminal");

    /** 9b. No java.util.logging. */
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            // ArchUnit's predefined rule only catches a JUL logger stored in a field; any use is meant here.
            .because("pc-orders logs through SLF4J so the embedding application controls the output");

    /** 9c. No generic exceptions thrown. */
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    /** Packages every resource uses: they must not know any one resource, or the next resource copies instead of reusing. */
    static final String[] SHARED_PACKAGES = {"dev.pcorders.domain.shared..", "dev.pcorders.application.shared..",
        "dev.pcorders.adapter.http.partnercenter..", "dev.pcorders.adapter.http.wire..", "dev.pcorders.adapter.http.auth..",
        "dev.pcorders.adapter.http.net..", "dev.pcorders.adapter.persistence.store..", "dev.pcorders.adapter.persistence.sqlite..",
        "dev.pcorders.adapter.persistence.postgres..",
        "dev.pcorders.adapter.persistence.column.."};

    /**
     * 10a. No class of a shared package depends on a resource: orders (their model, ports, adapters, reconciliation or
     * ledgers), subscriptions or customers.
     */
    static final ArchRule SHARED_PACKAGES_KNOW_NO_RESOURCE = noClasses().that().resideInAnyPackage(SHARED_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("..order..", "..reconciliation..", "..ledger..",
                    "..subscription..", "..customer..")
            .because("adding a resource must reuse the shared kernel, not copy it (docs/ADDING-A-RESOURCE.md)");

    /**
     * What each adapter offers the code that wires it, by top-level class name: everything else of an adapter is its
     * own business. The decoder is offered too: it reads a saved Partner Center document without a server.
     */
    static final Set<String> ADAPTER_ENTRY_POINTS = Set.of(
            // adapters-http
            "PartnerCenterOrderGateways", "CloseableOrderGateway", "OrderDocumentDecoder", "PartnerCenterClientSettings",
            "PartnerCenterSubscriptionGateways", "CloseableSubscriptionGateway",
            "PartnerCenterCustomerGateways", "CloseableCustomerGateway",
            "RetryPolicy", "RequestPacer", "BillingTypeEncoding", "AccessTokenProvider", "AccessToken", "AccessTokenException",
            "StaticAccessTokenProvider", "ClientCredentialsTokenProvider", "RefreshTokenProvider", "EntraTokenEndpoint",
            // adapters-persistence
            "CacheStore", "SubscriptionPorts", "CustomerPorts", "SqliteStoreSettings", "CsvLedgerSource",
            "WriteLockUse", "PostgresLocation", "PostgresStoreSettings", "CacheCopy",
            // adapters-persistence's test-jar: a real PostgreSQL server for other modules' tests and the benchmarks
            "TestPostgres");

    /**
     * 10b. Outside the adapters, only their entry points are used. The benchmarks may also use the http adapter's wire
     * records, whose decoding stages they time one by one.
     */
    static final ArchRule ONLY_ENTRY_POINTS_LEAVE_AN_ADAPTER = CompositeArchRule
            .of(noClasses().that().resideOutsideOfPackages(HTTP_ADAPTER, PERSISTENCE_ADAPTER, BENCHMARKS)
                    .should().dependOnClassesThat(adapterInternals(false))
                    .because("an adapter's implementation changes freely behind its entry points"))
            .and(noClasses().that().resideInAPackage(BENCHMARKS)
                    .should().dependOnClassesThat(adapterInternals(true))
                    .because("an adapter's implementation changes freely behind its entry points"));

    /**
     * 10c. A resource's adapter packages keep their implementation classes package-private: only entry points are
     * public there (the shared adapter packages serve the resource packages, so Java needs those public).
     */
    static final ArchRule RESOURCE_ADAPTER_INTERNALS_ARE_NOT_PUBLIC = classes().that()
            .resideInAnyPackage("dev.pcorders.adapter.http.order", "dev.pcorders.adapter.http.subscription",
                    "dev.pcorders.adapter.http.customer", "dev.pcorders.adapter.persistence.order",
                    "dev.pcorders.adapter.persistence.subscription", "dev.pcorders.adapter.persistence.customer")
            .and().areTopLevelClasses()
            .and(DescribedPredicate.describe("are not entry points",
                    (JavaClass type) -> !ADAPTER_ENTRY_POINTS.contains(type.getSimpleName())))
            .should().notBePublic()
            .because("what is public is what other modules may come to depend on");

    static final List<ArchRule> ALL = List.of(ONION_LAYERING, DOMAIN_IS_PLAIN_JAVA, APPLICATION_IS_FRAMEWORK_FREE,
            DATABASE_ONLY_IN_PERSISTENCE, MICRONAUT_HTTP_ONLY_AT_THE_EDGE, BOOTSTRAP_IS_ONLY_WIRING,
            IN_PORTS_DO_NOT_USE_OUT_PORTS, OUT_PORTS_DO_NOT_USE_IN_PORTS, ONLY_BOOTSTRAP_REFERENCES_SERVICES,
            USE_CASES_ARE_IN_PORTS, SERVICES_ARE_IN_SERVICE_PACKAGES, SERVICE_PACKAGES_HOLD_SERVICES, NO_GRAB_BAG_NAMES,
            DTOS_ONLY_IN_WIRE, NO_IMPRECISE_FIELDS, NO_PACKAGE_CYCLES, NO_CONSOLE_OUTSIDE_CLI, NO_JAVA_UTIL_LOGGING,
            NO_GENERIC_EXCEPTIONS, SHARED_PACKAGES_KNOW_NO_RESOURCE, ONLY_ENTRY_POINTS_LEAVE_AN_ADAPTER,
            RESOURCE_ADAPTER_INTERNALS_ARE_NOT_PUBLIC);

    private static DescribedPredicate<JavaClass> adapterInternals(boolean exceptWireRecords) {
        return DescribedPredicate.describe("an adapter class that is not an entry point"
                + (exceptWireRecords ? " or a wire record" : ""), type -> type.getPackageName().startsWith("dev.pcorders.adapter.")
                && !ADAPTER_ENTRY_POINTS.contains(topLevel(type).getSimpleName())
                && !(exceptWireRecords && type.getPackageName().startsWith("dev.pcorders.adapter.http.")
                        && type.getPackageName().contains(".wire")));
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static DescribedPredicate<JavaClass> simpleNameEndingWith(String suffix) {
        return DescribedPredicate.describe("a type named *" + suffix,
                type -> type.getSimpleName().endsWith(suffix));
    }
}
