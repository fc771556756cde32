package dev.aicarbon.allocation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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

    @Test
    void importsTheRealEngineClasses() {
        assertThat(ENGINE_CLASSES.contain(Allocator.class)).isTrue();
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

    private static ArchRule engineMustNotDependOn(String... packages) {
        return noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(false);
    }
}
