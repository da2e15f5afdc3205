package cn.sedx.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SEDX gateway: intake, validation, store, signing and reliable delivery of special-equipment filings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SedxApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(SedxApplication.class, args);
        } catch (RuntimeException | Error failure) {
            // Spring Boot has logged why and closed the context. Exit now: a library's idle pool (Artemis's in-VM
            // connector keeps its threads for 60 s) must not hold a failed start open, so that a supervisor sees the
            // failure at once (docs/operations.md)
            System.exit(1);
        }
    }
}
