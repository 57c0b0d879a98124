package com.kfgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency arrows of README's architecture section, read from the compiled main classes. A class that makes
 * an arrow point back fails the build here, with the offending dependency named.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.kfgateway");

    @Test
    void componentsDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("admin").definedBy("com.kfgateway.admin..")
                .layer("sandbox").definedBy("com.kfgateway.sandbox..")
                .layer("doctor").definedBy("com.kfgateway.doctor..")
                .layer("conversation").definedBy("com.kfgateway.conversation..")
                .layer("delivery").definedBy("com.kfgateway.delivery..")
                .layer("assistant").definedBy("com.kfgateway.assistant..")
                .layer("wecom").definedBy("com.kfgateway.wecom..")
                .layer("cluster").definedBy("com.kfgateway.cluster..")
                .layer("database").definedBy("com.kfgateway.database..")
                .layer("http").definedBy("com.kfgateway.http..")
                .layer("health").definedBy("com.kfgateway.health..")
                .layer("metrics").definedBy("com.kfgateway.metrics..")
                .layer("knowledge").definedBy("com.kfgateway.knowledge..")
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
                .whereLayer("health").mayNotBeAccessedByAnyLayer()
                .whereLayer("doctor").mayOnlyBeAccessedByLayers("admin", "sandbox")
                .whereLayer("conversation").mayOnlyBeAccessedByLayers("admin")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("conversation", "admin")
                .whereLayer("assistant").mayOnlyBeAccessedByLayers("conversation", "admin", "doctor")
                .whereLayer("wecom").mayOnlyBeAccessedByLayers("conversation", "delivery", "doctor", "admin", "sandbox",
                        "health")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("conversation", "delivery", "admin", "doctor",
                        "wecom")
                .whereLayer("database").mayOnlyBeAccessedByLayers("conversation", "delivery", "admin", "doctor",
                        "wecom", "sandbox", "cluster", "health")
                .whereLayer("http").mayOnlyBeAccessedByLayers("wecom", "assistant")
                .whereLayer("knowledge").mayOnlyBeAccessedByLayers("assistant", "admin", "sandbox")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("wecom", "conversation", "delivery", "assistant")
                .check(MAIN);
    }

    @Test
    void deliveryKnowsNothingOfConversations() {
        noClasses().that().resideInAPackage("com.kfgateway.delivery..").should().dependOnClassesThat()
                .resideInAPackage("com.kfgateway.conversation..").check(MAIN);
    }

    @Test
    void onlyTheWeComEdgeReadsOrBuildsWeComsJson() {
        noClasses().that().resideInAnyPackage("com.kfgateway.conversation..", "com.kfgateway.delivery..",
                "com.kfgateway.doctor..").should().dependOnClassesThat().resideInAPackage("jakarta.json..")
                .check(MAIN);
    }

    @Test
    void theConversationControlsDependOneWay() {
        slices().matching("com.kfgateway.conversation.control.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.kfgateway.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** EclipseLink's own types appear only because the build weaves the entities (pom.xml), never in the source. */
    @Test
    void entitiesUseOnlyTheJdkJpaAndBeanValidation() {
        classes().that().resideInAPackage("com.kfgateway..entity..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.persistence..", "jakarta.validation..",
                        "com.kfgateway..entity..", "org.eclipse.persistence..")
                .check(MAIN);
    }

    /** Inside a component the arrows go boundary → control → entity; other components call its boundary. */
    @ParameterizedTest
    @ValueSource(strings = {"wecom", "conversation", "delivery", "assistant", "doctor", "sandbox"})
    void controlsAndEntitiesNeverCallTheirOwnBoundary(String component) {
        String base = "com.kfgateway." + component;
        noClasses().that().resideInAnyPackage(base + ".control..", base + ".entity..").should()
                .dependOnClassesThat().resideInAPackage(base + ".boundary..").check(MAIN);
        noClasses().that().resideInAPackage(base + ".entity..").should().dependOnClassesThat()
                .resideInAPackage(base + ".control..").check(MAIN);
    }
}
