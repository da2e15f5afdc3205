package cn.sedx.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.sedx.gateway.SedxApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: each exposes only its top-level package, none reaches into another's
 * sub-packages, and there are no cycles between them (Spring Modulith's rules).
 */
class ArchitectureTests {

    private final ApplicationModules modules = ApplicationModules.of(SedxApplication.class);

    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        modules.verify();
    }

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.sedx.gateway");

    @Test
    void validationTransformAndSigningArePlainJava() {
        noClasses().that().resideInAnyPackage("..validation..", "..transform..", "..signing..", "..model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void messageStoreDependsOnNoFeature() {
        noClasses().that().resideInAPackage("cn.sedx.gateway.messagestore..")
                .should().dependOnClassesThat().resideOutsideOfPackages("cn.sedx.gateway.messagestore..",
                        "cn.sedx.gateway.shared..", "java..", "javax..", "jakarta..", "org.springframework..",
                        "org.slf4j..", "com.fasterxml..", "org.bouncycastle..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void nothingInTheGatewayImportsTheSimulators() {
        noClasses().that().resideOutsideOfPackage("cn.sedx.gateway.simulator..")
                .should().dependOnClassesThat().resideInAPackage("cn.sedx.gateway.simulator..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
