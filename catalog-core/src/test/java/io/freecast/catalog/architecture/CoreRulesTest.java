package io.freecast.catalog.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the core's shape, run on a small core broken on purpose ({@code architecture.broken}): it must
 * report the class that breaks it. A rule that passed there would be checking nothing.
 */
class CoreRulesTest {

    private static final String BROKEN = "io.freecast.catalog.architecture.broken";
    private static final JavaClasses BROKEN_CORE = new ClassFileImporter().importPackages(BROKEN);

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BROKEN_CORE);
        assertThat(result.hasViolation()).as("%s must fail on the broken core", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void aPublicTypeBesideTheFrontDoorIsReported() {
        assertThat(violations(CoreRules.rootPackageIsTheFrontDoorOnly(BROKEN))).contains(BROKEN + ".Everything")
                .doesNotContain("UseCases");
    }

    @Test
    void aPublicClassOfTheApplicationOtherThanUseCasesIsReported() {
        assertThat(violations(CoreRules.applicationExposesOnlyUseCases(BROKEN))).contains("ExposedService")
                .doesNotContain("application.UseCases");
    }

    @Test
    void aPublicServiceIsReported() {
        assertThat(violations(CoreRules.servicesArePackagePrivate(BROKEN))).contains("ExposedService");
    }

    @Test
    void aServiceTakingTheAggregateIsReported() {
        assertThat(violations(CoreRules.servicesDependOnNoAggregate(BROKEN))).contains("ExposedService")
                .contains("Everything");
    }

    @Test
    void anOutboundPortHandingOutTheReadSideIsReported() {
        assertThat(violations(CoreRules.outboundPortsKnowNoInboundType(BROKEN))).contains("Storage.queries()")
                .contains("port.in.Queries");
    }

    @Test
    void anOutboundPortHandingOutAnotherPortIsReported() {
        assertThat(violations(CoreRules.outboundPortsHandOutNoPorts(BROKEN)))
                .contains("Storage.repository() hands out the port " + BROKEN + ".port.out.Repository")
                .contains("Storage.queries() hands out the port " + BROKEN + ".port.in.Queries");
    }

    @Test
    void aRuleAimedAtAPackageThatDoesNotExistFailsInsteadOfCheckingNothing() {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.freecast.catalog.architecture.nosuchpackage");

        assertThatThrownBy(() -> CoreRules.applicationExposesOnlyUseCases("io.freecast.catalog.nosuchpackage")
                .check(nothing)).isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }
}
