package cn.sedx.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test controls: the system clock moved by an offset the test sets ({@link #advance}), so time still
 * passes (deliveries, timeouts and retries keep working) while "today" can be made any later day. Thread-safe.
 */
public final class TestClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;
    private final TestClock owner;

    public TestClock() {
        this(ZoneOffset.UTC, null);
    }

    private TestClock(ZoneId zone, TestClock owner) {
        this.zone = zone;
        this.owner = owner;
    }

    /** Moves the clock forward (a negative duration moves it back). */
    public void advance(Duration by) {
        root().offset = root().offset.plus(by);
    }

    /** Back to the system clock. */
    public void reset() {
        root().offset = Duration.ZERO;
    }

    /** Today in Beijing, as the gateway counts it. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), CHINA);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(root().offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, root());
    }

    private TestClock root() {
        return owner == null ? this : owner;
    }

    /** Makes a {@link TestClock} the gateway's clock (primary over the store's system clock). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
