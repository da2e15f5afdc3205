package cn.sedx.gateway.shared;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads of the gateway's own background work (audit-chain checks, upload runs and packagers, batch workers,
 * the simulators' callbacks): Spring's {@link CustomizableThreadFactory}, daemon threads named
 * {@code <prefix>1}, {@code <prefix>2}, … so a thread dump says whose they are and none holds the JVM at exit.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A factory of daemon threads named {@code prefix} and a running number. */
    public static ThreadFactory named(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}
