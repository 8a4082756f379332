package io.freecast.catalog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's boundaries. {@code failOnEmptyShould} stays on (ArchUnit's default), so a rule aimed at a
 * package that does not exist fails instead of passing while checking nothing.
 */
@AnalyzeClasses(packages = "io.freecast.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    private static final String CORE = "io.freecast.catalog";

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage("io.freecast.catalog.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.freecast.catalog.domain..", "java..")
            .because("the domain is plain Java records and rules");

    @ArchTest
    static final ArchRule portsDependOnlyOnTheDomain = classes()
            .that().resideInAPackage("io.freecast.catalog.port..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.freecast.catalog.domain..", "io.freecast.catalog.port..", "java..")
            .because("ports describe what the core offers and needs, in domain terms");

    @ArchTest
    static final ArchRule coreTouchesNoAdapterTechnology = noClasses()
            .that().resideInAPackage("io.freecast.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "io.undertow..", "com.fasterxml..", "java.sql..", "javax.sql..",
                    "java.net.http..", "com.zaxxer..", "org.flywaydb..")
            .because("technologies live in adapters; the core must stay embeddable anywhere");

    @ArchTest
    static final ArchRule applicationServicesAreReachedThroughPorts = noClasses()
            .that().resideInAPackage("io.freecast.catalog.port..")
            .should().dependOnClassesThat().resideInAPackage("io.freecast.catalog.application..")
            .because("ports never know their implementations");

    // ---- the shape: narrow ports, one front door (each rule shown to fail in CoreRulesTest)

    @ArchTest
    static final ArchRule rootPackageIsTheFrontDoorOnly = CoreRules.rootPackageIsTheFrontDoorOnly(CORE);

    @ArchTest
    static final ArchRule applicationExposesOnlyUseCases = CoreRules.applicationExposesOnlyUseCases(CORE);

    @ArchTest
    static final ArchRule servicesArePackagePrivate = CoreRules.servicesArePackagePrivate(CORE);

    @ArchTest
    static final ArchRule servicesDependOnNoAggregate = CoreRules.servicesDependOnNoAggregate(CORE);

    @ArchTest
    static final ArchRule outboundPortsKnowNoInboundType = CoreRules.outboundPortsKnowNoInboundType(CORE);

    @ArchTest
    static final ArchRule outboundPortsHandOutNoPorts = CoreRules.outboundPortsHandOutNoPorts(CORE);

    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("io.freecast.catalog.(*)..")
            .should().beFreeOfCycles();
}
