package cn.sedx.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a gateway-level test class (a {@link GatewayTest} or {@link CampaignGatewayTest}, usually as a subclass of
 * the H2 one, which it reruns) on the PostgreSQL server of {@code SEDX_TEST_PG_URL}, in a schema of its own that
 * Flyway migrates at start-up and that is dropped when the context closes ({@link PostgresSchema}). Without that
 * variable the class is skipped, saying why, except under CI, where it fails. Classes with the same configuration
 * share one context, as on H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = PostgresSchema.class)
@ExtendWith(PostgresSchema.ServerAtHand.class)
public @interface OnPostgres {}
