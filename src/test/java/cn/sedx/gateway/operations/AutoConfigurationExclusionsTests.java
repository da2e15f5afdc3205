package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.ClassPathResource;

/**
 * The auto-configurations application.yaml excludes to save start-up time are each one the classpath still offers:
 * a dependency removed or renamed leaves no stale entry behind (Spring Boot itself accepts an exclusion of a class
 * that is not there).
 */
class AutoConfigurationExclusionsTests {

    @Test
    void everyExcludedAutoConfigurationIsOneTheClasspathOffers() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        List<String> excluded = properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("spring.autoconfigure.exclude[")).map(properties::getProperty)
                .toList();
        List<String> offered = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();

        assertThat(excluded).hasSizeGreaterThan(30).doesNotHaveDuplicates();
        assertThat(offered).containsAll(excluded);
    }
}
