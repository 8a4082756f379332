package io.freecast.catalog.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule across modules (README, "Architecture"), checked here because this module sees them all.
 * {@code failOnEmptyShould} stays on: a rule aimed at a package that does not exist fails.
 */
@AnalyzeClasses(packages = "io.freecast.catalog",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.DoNotIncludeTestJars.class})
class ModuleBoundariesTest {

    /**
     * Leaves out the modules' test fixtures (catalog-jdbc's test-jar is on this module's test class path):
     * {@link ImportOption.DoNotIncludeTests} recognises test-classes folders, not test jars, and tests may
     * reach into a module's engine.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String CORE_DOMAIN = "io.freecast.catalog.domain..";
    private static final String CORE_APPLICATION = "io.freecast.catalog.application..";
    private static final String JDBC = "io.freecast.catalog.jdbc..";
    private static final String HTTP = "io.freecast.catalog.http..";
    private static final String HTTP_SERVER = "io.freecast.catalog.http.server..";
    private static final String HTTP_CLIENT = "io.freecast.catalog.http.client..";
    private static final String HTTP_ADMIN = "io.freecast.catalog.http.admin..";
    private static final String SCHEDULER = "io.freecast.catalog.scheduler..";
    private static final String EXAMPLES = "io.freecast.catalog.examples..";

    @ArchTest
    static final ArchRule storageAdapterKnowsNoOtherAdapter = noClasses()
            .that().resideInAPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, SCHEDULER, EXAMPLES);

    @ArchTest
    static final ArchRule httpAdaptersKnowNoOtherAdapter = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, SCHEDULER, EXAMPLES);

    @ArchTest
    static final ArchRule httpServerAndClientAreIndependent = noClasses()
            .that().resideInAPackage(HTTP_SERVER)
            .should().dependOnClassesThat().resideInAPackage(HTTP_CLIENT);

    @ArchTest
    static final ArchRule theAdminUsesTheServerNotTheClient = noClasses()
            .that().resideInAPackage(HTTP_ADMIN)
            .should().dependOnClassesThat().resideInAPackage(HTTP_CLIENT);

    @ArchTest
    static final ArchRule theServerDoesNotKnowTheAdmin = noClasses()
            .that().resideInAPackage(HTTP_SERVER)
            .should().dependOnClassesThat().resideInAPackage(HTTP_ADMIN)
            .because("the admin is mounted on the server, not built into it");

    @ArchTest
    static final ArchRule templatesStayInTheAdmin = noClasses()
            .that().resideOutsideOfPackage(HTTP_ADMIN)
            .should().dependOnClassesThat().resideInAPackage("gg.jte..");

    @ArchTest
    static final ArchRule schedulerKnowsNoAdapter = noClasses()
            .that().resideInAPackage(SCHEDULER)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC, HTTP, EXAMPLES);

    @ArchTest
    static final ArchRule adaptersUseTheCoreThroughItsPortsOnly = noClasses()
            .that().resideInAnyPackage(JDBC, HTTP, SCHEDULER)
            .should().dependOnClassesThat().resideInAPackage(CORE_APPLICATION)
            .because("services are reached through port interfaces and the Catalog facade");

    @ArchTest
    static final ArchRule jooqStaysInTheStorageAdapter = noClasses()
            .that().resideOutsideOfPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.flywaydb..", "com.zaxxer..");

    @ArchTest
    static final ArchRule undertowStaysInTheHttpServer = noClasses()
            .that().resideOutsideOfPackages(HTTP_SERVER, HTTP_ADMIN, EXAMPLES)
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..");

    @ArchTest
    static final ArchRule javaNetHttpStaysInTheHttpClient = noClasses()
            .that().resideOutsideOfPackages(HTTP_CLIENT)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..");

    @ArchTest
    static final ArchRule jdbcStaysInTheStorageAdapter = noClasses()
            .that().resideOutsideOfPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule cronParsingStaysInTheScheduler = noClasses()
            .that().resideOutsideOfPackage(SCHEDULER)
            .should().dependOnClassesThat().resideInAPackage("com.cronutils..");

    @ArchTest
    static final ArchRule theCommandLineStaysInTheLauncher = noClasses()
            .that().resideOutsideOfPackage(EXAMPLES)
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage(CORE_DOMAIN)
            .should().dependOnClassesThat().resideOutsideOfPackages(CORE_DOMAIN, "java..");

    @ArchTest
    static final ArchRule noCyclesBetweenModulesOrPackages = slices()
            .matching("io.freecast.catalog.(*)..")
            .should().beFreeOfCycles();
}
