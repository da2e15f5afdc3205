package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.GatewayTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Consuming an accepted message and queueing its deliveries are one JMS transaction (Spring's
 * JmsTransactionManager, consumers not cached): a failure after the sends takes them back with the consumed
 * message. A tried alternative, a local session transaction with cached consumers, fails the second test: the
 * sends were committed apart from the consumed message.
 */
@GatewayTest
@DirtiesContext
class RoutingTransactionTests {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void transactedRoutesReceiveAndSendInOneTransactionManagedTransaction() {
        for (String route : new String[] {"delivery-route", "delivery-province-44"}) {
            JmsEndpoint endpoint = (JmsEndpoint) camel.getRoute(route).getEndpoint();
            assertThat(endpoint.getConfiguration().isTransacted()).as(route).isTrue();
            assertThat(endpoint.getConfiguration().getOrCreateTransactionManager()).as(route)
                    .isInstanceOf(JmsTransactionManager.class);
            // a cached consumer would receive outside that transaction and commit apart from the sends
            assertThat(endpoint.getConfiguration().getCacheLevelName()).as(route).isIn(null, "CACHE_AUTO",
                    "CACHE_NONE");
        }
    }

    @Test
    void aFailureAfterTheSendsTakesThemBackWithTheAcceptedMessage() throws Exception {
        Gateway gateway = new Gateway(port);
        camel.getRouteController().stopRoute("delivery-province-44");
        AtomicInteger routed = new AtomicInteger();
        AdviceWith.adviceWith(camel, "delivery-route", route -> route.weaveAddLast().process(exchange -> {
            if (routed.getAndIncrement() == 0) {
                throw new IllegalStateException("failure after the deliveries were queued (test)");
            }
        }));

        String id = gateway.submitFiling("440106");
        // routed once (failed, rolled back), redelivered after the broker's delay and routed again (committed)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> routed.get() >= 2 && messageCount("sedx.delivery.province-44") >= 1);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> messageCount("sedx.delivery.province-44") == 1);
        camel.getRouteController().startRoute("delivery-province-44");
        gateway.awaitState(id, "ACKNOWLEDGED", Duration.ofSeconds(30));
        assertThat(gateway.received(id)).hasSize(1);
    }

    private long messageCount(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
