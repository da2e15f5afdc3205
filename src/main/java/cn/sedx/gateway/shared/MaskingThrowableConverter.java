package cn.sedx.gateway.shared;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Logback exception converter (Spring Boot's {@code %wEx} with masking): the message of every exception of the
 * chain, causes and suppressed ones included, is masked and escaped like a log message ({@link LogLines}), so a
 * stack trace can neither leak a personal identifier nor carry a forged line. The frames are code, left as they are.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(masked(proxy));
    }

    /** A view of {@code proxy} whose messages (its own and those of its causes and suppressed) are safe. */
    public static IThrowableProxy masked(IThrowableProxy proxy) {
        return proxy == null || proxy instanceof Masked ? proxy : new Masked(proxy);
    }

    private record Masked(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return LogLines.safe(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return masked(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                masked[i] = masked(suppressed[i]);
            }
            return masked;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
