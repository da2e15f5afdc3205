package cn.sedx.gateway.shared;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %msg} replacement: masks personal identifiers and escapes line breaks and other controls in every
 * log message, whoever logged it ({@link LogLines}).
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogLines.safe(super.convert(event));
    }
}
