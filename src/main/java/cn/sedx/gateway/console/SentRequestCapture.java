package cn.sedx.gateway.console;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.delivery.OutboundRequest;
import cn.sedx.gateway.delivery.PlatformAnswer;
import cn.sedx.gateway.delivery.PlatformClient;
import cn.sedx.gateway.messagestore.SentRequests;
import cn.sedx.gateway.messagestore.SentRequests.SentRequest;
import cn.sedx.gateway.shared.MessageType;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the exact request of every delivery and the platform's answer ({@link SentRequests}) by handing delivery a
 * {@link PlatformClient} that records what it posts. A seam from outside the delivery feature, which another change
 * is rewriting: once delivery records the request itself (in its own transaction), this class goes
 * (docs/console.md, "Sent requests"). Recording never fails a delivery.
 */
@Configuration(proxyBeanMethods = false)
@ConsoleEnabled
@ConditionalOnBooleanProperty(name = "sedx.console.keep-sent-requests", matchIfMissing = true)
class SentRequestCapture {

    private static final Logger log = LoggerFactory.getLogger(SentRequestCapture.class);

    @Bean
    static BeanPostProcessor sentRequestRecorder(ObjectProvider<SentRequests> sent, ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof PlatformClient && !(bean instanceof Recording)
                        ? new Recording(sent, clock) : bean;
            }
        };
    }

    /** The delivery client, recording each request and its answer after the call. */
    static final class Recording extends PlatformClient {

        private final ObjectProvider<SentRequests> sent;
        private final ObjectProvider<Clock> clock;

        Recording(ObjectProvider<SentRequests> sent, ObjectProvider<Clock> clock) {
            this.sent = sent;
            this.clock = clock;
        }

        @Override
        public PlatformAnswer post(String name, Destination destination, OutboundRequest request)
                throws IOException, InterruptedException {
            Instant at = clock.getObject().instant();
            try {
                PlatformAnswer answer = super.post(name, destination, request);
                record(name, request, answer, null, at);
                return answer;
            } catch (IOException e) {
                record(name, request, null, e.getClass().getSimpleName() + ": " + e.getMessage(), at);
                throw e;
            }
        }

        private void record(String destination, OutboundRequest request, PlatformAnswer answer, String error,
                Instant at) {
            String messageId = header(request.headers(), "X-Message-Id");
            if (messageId == null) {
                return;
            }
            // a chunk of the national upload is sent exactly as stored: its payload is the body, kept once
            byte[] body = MessageType.PERSONNEL_BATCH.name().equals(header(request.headers(), "X-Message-Type"))
                    ? null : request.body();
            try {
                sent.getObject().record(new SentRequest(messageId, destination, at, request.headers(), body,
                        answer == null ? null : answer.status(), answer == null ? null : answer.headers(),
                        answer == null ? null : answer.body(), error));
            } catch (RuntimeException e) {
                log.warn("could not keep the request sent to {} for {}: {}", destination, messageId, e.toString());
            }
        }

        private static String header(Map<String, String> headers, String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }
}
