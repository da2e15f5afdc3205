package cn.sedx.gateway.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Registers the annotated console part only while {@code sedx.console.enabled} is true (the default). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(prefix = "sedx.console", name = "enabled", havingValue = "true", matchIfMissing = true)
@interface ConsoleEnabled {}
