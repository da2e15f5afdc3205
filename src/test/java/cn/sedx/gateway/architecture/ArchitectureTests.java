package cn.sedx.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.SedxApplication;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RestController;

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

    /** Spring MVC validates nothing here (NoControllerBeanValidation): an annotation asking it to would be ignored. */
    @Test
    void controllersTakeNoBeanValidationAnnotations() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should(new ArchCondition<JavaMethod>("take no Bean Validation annotation on a parameter") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getParameters().stream().flatMap(parameter -> parameter.getAnnotations().stream())
                                .filter(annotation -> annotation.getRawType().getPackageName()
                                        .startsWith("jakarta.validation")
                                        || annotation.getRawType().getName().equals(Validated.class.getName()))
                                .forEach(annotation -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " has @" + annotation.getRawType().getSimpleName())));
                    }
                })
                .check(classes);
    }

    @Test
    void nothingInTheGatewayImportsTheSimulators() {
        noClasses().that().resideOutsideOfPackage("cn.sedx.gateway.simulator..")
                .should().dependOnClassesThat().resideInAPackage("cn.sedx.gateway.simulator..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Types no other package of the gateway's main code uses, kept public each for a reason: a framework instantiates
     * or reads them by name, javac inlined every use, or a test of another package needs them.
     */
    private static final Map<String, String> PUBLIC_FOR_FRAMEWORKS = Map.ofEntries(
            Map.entry("cn.sedx.gateway.SedxApplication", "the Spring Boot main class"),
            Map.entry("cn.sedx.gateway.shared.MaskingMessageConverter", "logback.xml conversion rule"),
            Map.entry("cn.sedx.gateway.shared.MaskingThrowableConverter", "logback.xml conversion rule"),
            Map.entry("cn.sedx.gateway.operations.ConsoleEncoder", "logback.xml encoder"),
            Map.entry("cn.sedx.gateway.shared.RoutesLocation", "spring.factories EnvironmentPostProcessor"),
            Map.entry("cn.sedx.gateway.operations.HomeEnvironment", "spring.factories EnvironmentPostProcessor"),
            Map.entry("cn.sedx.gateway.operations.StartupChecks", "spring.factories ApplicationContextInitializer"),
            Map.entry("cn.sedx.gateway.operations.MaskingJsonMembers", "application.yaml structured-logging customizer"),
            Map.entry("cn.sedx.gateway.security.ContentSecurityPolicy", "constants only: javac inlines their uses"),
            Map.entry("cn.sedx.gateway.model.Urgency", "a component type of the public model records"),
            // beans the routes call, and what the simple language reads off their results
            Map.entry("cn.sedx.gateway.replay.ReplayDispatcher", "replay.camel.yaml bean"),
            Map.entry("cn.sedx.gateway.replay.ReplayTask", "replay.camel.yaml reads ${body.messageId} and the rest"),
            Map.entry("cn.sedx.gateway.upload.UploadSettlement", "upload.camel.yaml bean"),
            Map.entry("cn.sedx.gateway.rectification.OverdueCheck", "rectification.camel.yaml bean"),
            Map.entry("cn.sedx.gateway.delivery.DeliveryDispatcher", "delivery.camel.yaml bean"),
            Map.entry("cn.sedx.gateway.audit.AuditSealer", "audit.camel.yaml bean"),
            // used by tests of other packages and by the benchmarks (cn.sedx.gateway.benchmark)
            Map.entry("cn.sedx.gateway.delivery.Destinations", "agency.LocalRegulatorRoutingTests"),
            Map.entry("cn.sedx.gateway.delivery.DeliveryStates", "benchmark.StoreBenchmark"),
            Map.entry("cn.sedx.gateway.messagestore.DuplicateIndexes", "benchmark.StoreBenchmark (the gateway's schema)"),
            Map.entry("cn.sedx.gateway.messagestore.IdentityCaches", "benchmark.StoreBenchmark (the gateway's schema)"),
            Map.entry("cn.sedx.gateway.messagestore.UnsealedIndex", "benchmark.StoreBenchmark (the gateway's schema)"),
            Map.entry("cn.sedx.gateway.console.MessageFilter", "benchmark.ConsoleBenchmark"),
            Map.entry("cn.sedx.gateway.console.ConsoleReads", "benchmark.ConsoleBenchmark"),
            Map.entry("cn.sedx.gateway.console.RecordReads", "benchmark.ConsoleBenchmark"),
            Map.entry("cn.sedx.gateway.messagestore.PayloadCipher", "support.Stores, support.StoreCiphers"),
            Map.entry("cn.sedx.gateway.intake.batch.BatchIntake", "security.BadInputCorpusTests, IntakeChannels"),
            Map.entry("cn.sedx.gateway.intake.batch.BatchSummary", "security.IntakeChannels"));

    @Test
    void aPublicTypeIsOneAnotherPackageUses() {
        classes().that().arePublic().and().areTopLevelClasses()
                .and().resideOutsideOfPackage("cn.sedx.gateway.intake.soap.ws")
                .and(DescribedPredicate.describe("not public for a framework",
                        (JavaClass c) -> !PUBLIC_FOR_FRAMEWORKS.containsKey(c.getName())))
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be used by another package") {
                    @Override
                    public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                        if (!usedFromAnotherPackage(type)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                                    type.getName() + " is public but no other package uses it"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void everyTypeOnTheFrameworkListStillNeedsItsPlace() {
        // an entry outlives its reason when the type is gone, no longer public, or another package now uses it
        assertThat(PUBLIC_FOR_FRAMEWORKS.keySet()).allSatisfy(name -> {
            assertThat(classes.contain(name)).as(name + " exists").isTrue();
            JavaClass type = classes.get(name);
            assertThat(type.getModifiers()).as(name + " is public").contains(JavaModifier.PUBLIC);
            assertThat(usedFromAnotherPackage(type)).as(name + " is used by another package: drop its entry")
                    .isFalse();
        });
    }

    private boolean usedFromAnotherPackage(JavaClass type) {
        if (usedAcrossPackages == null) {
            usedAcrossPackages = classes.stream().flatMap(origin -> origin.getDirectDependenciesFromSelf().stream())
                    .filter(d -> !d.getOriginClass().getPackageName().equals(d.getTargetClass().getPackageName()))
                    .map(d -> d.getTargetClass().getName().replaceFirst("\\$.*", ""))
                    .collect(java.util.stream.Collectors.toSet());
        }
        return usedAcrossPackages.contains(type.getName());
    }

    private java.util.Set<String> usedAcrossPackages;
}
