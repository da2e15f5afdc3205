package cn.sedx.gateway.console;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.OptionalLong;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Queue depths from the broker itself: the embedded broker's queue, or a standalone broker's answer to a management
 * request ({@code activemq.management}, attribute {@code messageCount}; the console's broker user needs the
 * {@code manage} permission there). Scheduled redeliveries count as waiting.
 */
@Component
@ConsoleEnabled
class BrokerQueues {

    private static final Logger log = LoggerFactory.getLogger(BrokerQueues.class);
    private static final long ANSWER_WITHIN_MS = 2000;

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ConnectionFactory connections;

    BrokerQueues(ObjectProvider<EmbeddedActiveMQ> embedded, ConnectionFactory connections) {
        this.embedded = embedded;
        this.connections = connections;
    }

    /** The messages on {@code queue} (0 when the queue was never created), or empty when the broker did not say. */
    OptionalLong depth(String queue) {
        EmbeddedActiveMQ server = embedded.getIfAvailable();
        if (server != null && server.getActiveMQServer() != null) {
            Queue found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
            return OptionalLong.of(found == null ? 0 : found.getMessageCount());
        }
        return managed(queue);
    }

    private OptionalLong managed(String queue) {
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue answers = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(answers);
            connection.start();
            Message request = session.createMessage();
            request.setJMSReplyTo(answers);
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            session.createProducer(ActiveMQJMSClient.createQueue("activemq.management")).send(request);
            Message answer = consumer.receive(ANSWER_WITHIN_MS);
            if (answer == null || !JMSManagementHelper.hasOperationSucceeded(answer)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(((Number) JMSManagementHelper.getResult(answer)).longValue());
        } catch (Exception e) {
            log.warn("queue depth of {} not available from the broker: {}", queue, e.toString());
            return OptionalLong.empty();
        }
    }
}
