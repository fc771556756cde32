package dev.aicarbon.allocation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.aicarbon.allocation.methodology.SevenStepModel;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: no framework, persistence or cloud SDK, no service code. */
class ArchitectureTest {

    private static final String ENGINE = "dev.aicarbon.allocation..";

    private static final JavaClasses ENGINE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aicarbon.allocation");

    @Test
    void engineDependsOnNoFrameworkSdkOrServiceCode() {
        ArchRule rule = engineMustNotDependOn(
                "io.quarkus..",
                "jakarta.persistence..",
                "org.hibernate..",
                "software.amazon..",
                "com.azure..",
                "com.google.cloud..",
                "dev.aicarbon.service..",
                "dev.aicarbon.providers..");

        rule.check(ENGINE_CLASSES);
    }

    /** No runtime dependency at all: the JDK and the engine's own packages. */
    @Test
    void engineDependsOnTheJavaStandardLibraryAlone() {
        ArchRule rule = engineMayOnlyDependOn("java..", ENGINE);

        rule.check(ENGINE_CLASSES);
    }

    /** The methodology builds on the core (its exact split); the core knows nothing of it. */
    @Test
    void coreDoesNotDependOnTheMethodology() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("dev.aicarbon.allocation")
                .should().dependOnClassesThat()
                .resideInAPackage("dev.aicarbon.allocation.methodology..")
                .allowEmptyShould(false);

        rule.check(ENGINE_CLASSES);
    }

    @Test
    void importsTheRealEngineClasses() {
        assertThat(ENGINE_CLASSES.contain(Allocator.class)).isTrue();
        assertThat(ENGINE_CLASSES.contain(SevenStepModel.class)).isTrue();
        assertThat(ENGINE_CLASSES.contain(AllocatorTest.class)).isFalse();
    }

    /** Shows the rule bites: the engine does use java.math, so forbidding it must fail. */
    @Test
    void ruleFailsOnADependencyTheEngineHas() {
        ArchRule rule = engineMustNotDependOn("java.math..");

        assertThatThrownBy(() -> rule.check(ENGINE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.math.BigDecimal");
    }

    /** Shows the allow-list bites: the engine uses java.math, outside java.lang. */
    @Test
    void allowListFailsWithoutAPackageTheEngineUses() {
        ArchRule rule = engineMayOnlyDependOn("java.lang..", ENGINE);

        assertThatThrownBy(() -> rule.check(ENGINE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.math.BigDecimal");
    }

    private static ArchRule engineMayOnlyDependOn(String... packages) {
        return classes()
                .that().resideInAPackage(ENGINE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(false);
    }

    private static ArchRule engineMustNotDependOn(String... packages) {
        return noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(false);
    }
}
