package io.freecast.catalog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules of the core's shape, for a core rooted at any package: {@link CoreArchitectureTest} holds the real
 * core to them, {@link CoreRulesTest} shows each one failing on a small broken core made for the purpose.
 */
final class CoreRules {

    /** The public types of the core's root package: the front door and what a storage adapter implements. */
    static final String FRONT_DOOR = "Catalog|CatalogSettings|CatalogStore|StoragePorts";

    private CoreRules() {
    }

    static ArchRule rootPackageIsTheFrontDoorOnly(String root) {
        return classes().that().resideInAPackage(root).and().arePublic().and().areTopLevelClasses()
                .should().haveNameMatching(root.replace(".", "\\.") + "\\.(" + FRONT_DOOR + ")")
                .because("embedders see one front door (Catalog) and what a store implements (CatalogStore, "
                        + "StoragePorts); the engine behind it is not theirs to use");
    }

    static ArchRule applicationExposesOnlyUseCases(String root) {
        return classes().that().resideInAPackage(root + ".application..").and().arePublic()
                .and().areTopLevelClasses()
                .should().haveSimpleName("UseCases")
                .because("the services are reached through their inbound ports; UseCases builds them for Catalog");
    }

    static ArchRule servicesArePackagePrivate(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .and().implement(inPackage(root + ".port.in.."))
                .should().notBePublic()
                .because("callers see a service only as its use-case interface");
    }

    static ArchRule servicesDependOnNoAggregate(String root) {
        return noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root)
                .because("a service gets exactly the ports it uses, never the store (CatalogStore, StoragePorts) "
                        + "or the catalog as a whole");
    }

    static ArchRule outboundPortsKnowNoInboundType(String root) {
        return noClasses().that().resideInAPackage(root + ".port.out..")
                .should().dependOnClassesThat().resideInAPackage(root + ".port.in..")
                .because("what the core needs never hands out what the core offers (the read side is offered by Catalog)");
    }

    static ArchRule outboundPortsHandOutNoPorts(String root) {
        return classes().that().resideInAPackage(root + ".port.out..").and().areInterfaces()
                .should(handOutNoPort(root))
                .because("an outbound port that returns other ports is an aggregate: every service would depend "
                        + "on all of them");
    }

    private static DescribedPredicate<JavaClass> inPackage(String packagePattern) {
        return JavaClass.Predicates.resideInAPackage(packagePattern);
    }

    /** No method returns a port: an interface of the ports' packages that is not a sealed value type. */
    private static ArchCondition<JavaClass> handOutNoPort(String root) {
        return new ArchCondition<>("hand out no other port") {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                for (JavaMethod method : port.getMethods()) {
                    JavaClass returned = method.getRawReturnType();
                    if (returned.isInterface() && returned.getPackageName().startsWith(root + ".port")
                            && !returned.reflect().isSealed()) {
                        events.add(SimpleConditionEvent.violated(port, method.getFullName() + " hands out the port "
                                + returned.getName()));
                    }
                }
            }
        };
    }
}
