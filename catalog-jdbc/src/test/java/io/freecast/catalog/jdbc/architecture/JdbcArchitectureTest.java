package io.freecast.catalog.jdbc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The storage adapter's own boundaries ({@code failOnEmptyShould} on, ArchUnit's default): it reaches the
 * core only through domain and ports, and its public package never hands out the technology it hides.
 */
@AnalyzeClasses(packages = "io.freecast.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcArchitectureTest {

    @ArchTest
    static final ArchRule adapterUsesPortsNotServices = noClasses()
            .that().resideInAPackage("io.freecast.catalog.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("io.freecast.catalog.application..")
            .because("an adapter implements ports; the application services are the core's business");

    @ArchTest
    static final ArchRule adapterIgnoresOtherAdapters = noClasses()
            .that().resideInAPackage("io.freecast.catalog.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("io.freecast.catalog.http..",
                    "io.freecast.catalog.scheduler..", "io.freecast.catalog.examples..")
            .because("adapters never import each other; only examples wires them");

    @ArchTest
    static final ArchRule publicApiHidesTheTechnology = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.freecast.catalog.jdbc")
            .and().arePublic()
            .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a jOOQ, HikariCP or Flyway type",
                    (com.tngtech.archunit.core.domain.JavaClass type) -> type.getPackageName().startsWith("org.jooq")
                            || type.getPackageName().startsWith("com.zaxxer")
                            || type.getPackageName().startsWith("org.flywaydb")))
            .because("embedders see the catalog's ports and value types; jOOQ, HikariCP and Flyway stay internal");

    @ArchTest
    static final ArchRule jooqStaysInTheAdapter = noClasses()
            .that().resideOutsideOfPackage("io.freecast.catalog.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.flywaydb..", "com.zaxxer..")
            .because("storage technology belongs to catalog-jdbc alone");
}
