package cn.sedx.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole gateway as {@link GatewayTest} starts it, on a {@link TestClock}, with the rectification overdue check
 * firing every second: one Spring context shared by every test of issue 16's records (training, rectification orders,
 * agency reports, year-end figures). Tests that move the clock reset it when they finish.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GatewayTest
@Import(TestClock.Configuration.class)
@TestPropertySource(properties = {"sedx.rectification.overdue-check-cron=0/1 * * * * ?",
        "sedx.batch.poll-delay=200ms"})
public @interface CampaignGatewayTest {}
