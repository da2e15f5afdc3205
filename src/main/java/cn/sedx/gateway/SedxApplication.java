package cn.sedx.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SEDX gateway: intake, validation, store, signing and reliable delivery of special-equipment filings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SedxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SedxApplication.class, args);
    }
}
