package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The console encoder of logback.xml: JSON when configured, with ID and mobile numbers masked in every member. */
class ConsoleEncoderTests {

    private static final LoggerContext CONTEXT = new LoggerContext();

    static {
        CONTEXT.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }

    private static final String CLEAR = "person 11010519491231002X, mobile 13812345678";

    @Test
    void writesMaskedJsonWhenAStructuredFormatIsConfigured() throws Exception {
        ConsoleEncoder encoder = encoder("ecs");
        LoggingEvent event = event();
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("failed for 11010519491231002X")));

        JsonNode line = new ObjectMapper().readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));

        assertThat(line.get("message").asText()).isEqualTo("person 110105********002X, mobile 138****5678");
        assertThat(line.findValuesAsText("level")).contains("WARN");
        assertThat(line.toString()).doesNotContain("11010519491231002X", "13812345678")
                .contains("110105********002X");
    }

    @Test
    void writesThePatternWhenNoStructuredFormatIsConfigured() {
        ConsoleEncoder encoder = encoder("");

        assertThat(new String(encoder.encode(event()), StandardCharsets.UTF_8)).isEqualTo("WARN " + CLEAR + "\n");
    }

    private static ConsoleEncoder encoder(String format) {
        LoggerContext context = CONTEXT;
        context.putObject(Environment.class.getName(), new MockEnvironment()
                .withProperty("logging.structured.json.customizer", MaskingJsonMembers.class.getName()));
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static LoggingEvent event() {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(CONTEXT);
        event.setLoggerName("cn.sedx.test");
        event.setLevel(Level.WARN);
        event.setMessage(CLEAR);
        event.setThreadName("main");
        event.setTimeStamp(System.currentTimeMillis());
        return event;
    }
}
