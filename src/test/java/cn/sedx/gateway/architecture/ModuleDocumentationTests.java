package cn.sedx.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.SedxApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Draws the module map with Spring Modulith's {@link Documenter} into {@code target/spring-modulith-docs}; its output
 * is kept in {@code docs/modules/} (copy it there when the features change: {@code mvn -q test
 * -Dtest=ModuleDocumentationTests && cp target/spring-modulith-docs/* docs/modules/}).
 */
class ModuleDocumentationTests {

    private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    @Test
    void drawsEveryFeatureAndItsDependencies() throws IOException {
        ApplicationModules modules = ApplicationModules.of(SedxApplication.class);

        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        String components = Files.readString(OUTPUT.resolve("components.puml"));
        modules.forEach(module -> assertThat(components).as(module.getName()).contains(module.getDisplayName()));
        assertThat(OUTPUT.resolve("module-delivery.puml")).exists();
        assertThat(OUTPUT.resolve("module-intake.adoc")).content().contains("`cn.sedx.gateway.intake`");
    }
}
