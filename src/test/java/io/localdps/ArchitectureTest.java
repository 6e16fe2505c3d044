package io.localdps;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of the product's production classes. */
@AnalyzeClasses(packages = "io.localdps", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"io.localdps.enrollment..", "io.localdps.hub..",
            "io.localdps.certificate..", "io.localdps.attestation..", "io.localdps.instance..", "io.localdps.admin..",
            "io.localdps.common..", "io.localdps.registration..", "io.localdps.allocation..", "io.localdps.tls..",
            "io.localdps.mqtt..", "io.localdps.https..", "io.localdps.accesspolicy..", "io.localdps.serviceapi..", "io.localdps.lab..",
            "io.localdps.operations..", "io.localdps.networking..", "io.localdps.simulation..", "io.localdps.audit.."};

    private static final DescribedPredicate<JavaClass> SPRING_DATA_REPOSITORIES =
            assignableTo(Repository.class).and(JavaClass.Predicates.INTERFACES).as("are Spring Data repositories");

    @ArchTest
    static final ArchRule featurePackagesDoNotDependOnTheConsole = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAPackage("io.localdps.console..")
            .because("the console is one client of the features; the service API will be another");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyByTheServicesOfTheirOwnPackage = classes()
            .that(SPRING_DATA_REPOSITORIES)
            .should(beAccessedOnlyByServicesOfTheirOwnPackage())
            .because("a feature's service owns its transactions and validation");

    @ArchTest
    static final ArchRule theConsoleDoesNotTouchTheDatabase = noClasses()
            .that().resideInAPackage("io.localdps.console..")
            .should().dependOnClassesThat(SPRING_DATA_REPOSITORIES)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
            .because("views go through the feature services, which validate and own transactions");

    @ArchTest
    static final ArchRule commonDependsOnNoOtherProductPackage = noClasses()
            .that().resideInAPackage("io.localdps.common..")
            .should().dependOnClassesThat(resideInAPackage("io.localdps..").and(not(resideInAPackage("io.localdps.common.."))))
            .because("every feature may use common, so common may use no feature");

    /** Not in FEATURES: the server may use the simulator, the simulator uses nothing of the server. */
    @ArchTest
    static final ArchRule theSimulatorTalksToTheServerOnlyOverTheWire = classes()
            .that().resideInAPackage("io.localdps.simulator..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.localdps.simulator..", "java..", "javax..",
                    "org.eclipse.paho..", "org.bouncycastle..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                    "io.netty..", "org.slf4j..")
            .because("the simulator speaks the device protocol only, so it can be pointed at any DPS, ours or Azure's");

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles = slices()
            .matching("io.localdps.(*)..")
            .should().beFreeOfCycles();

    /** Allowed: {@code @Service} classes (and the repositories themselves) in the repository's package. */
    private static ArchCondition<JavaClass> beAccessedOnlyByServicesOfTheirOwnPackage() {
        return new ArchCondition<>("be accessed only by @Service classes of their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = topLevel(dependency.getOriginClass());
                    boolean samePackage = origin.getPackageName().equals(repository.getPackageName());
                    boolean allowed = samePackage && (origin.isAnnotatedWith(Service.class) || SPRING_DATA_REPOSITORIES.test(origin));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Lambdas and nested classes act for the class they are written in. */
    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
