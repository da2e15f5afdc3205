package cn.sedx.gateway.metrics;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Asks the broker how many messages its queues hold, through Artemis's management address over JMS, so the same
 * code reads the embedded broker and a standalone one (whose user then needs the {@code manage} permission on
 * {@code activemq.management}, docs/operations.md). A queue the broker does not know has depth 0.
 */
final class BrokerQueues {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connections;
    private final Duration timeout;

    BrokerQueues(ConnectionFactory connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    /**
     * The number of messages (scheduled retries included) on each queue, in the order given.
     *
     * @throws JMSException when the broker cannot be reached or does not answer within the timeout
     */
    Map<String, Long> depths(Collection<String> queues) throws JMSException {
        Map<String, Long> depths = new LinkedHashMap<>();
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                    MessageConsumer answers = session.createConsumer(replies)) {
                for (String queue : queues) {
                    depths.put(queue, depth(session, producer, answers, replies, queue));
                }
            } finally {
                replies.delete();
            }
        }
        return depths;
    }

    private long depth(Session session, MessageProducer producer, MessageConsumer answers, TemporaryQueue replies,
            String queue) throws JMSException {
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
        producer.send(request);
        Message answer = answers.receive(timeout.toMillis());
        if (answer == null) {
            throw new JMSException("the broker did not answer about " + queue + " within " + timeout);
        }
        if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
            // the queue does not exist (yet): nothing has been queued for the destination
            return 0;
        }
        Object result;
        try {
            result = JMSManagementHelper.getResult(answer);
        } catch (Exception e) {
            throw new JMSException("unreadable answer about " + queue + ": " + e);
        }
        return result instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(result));
    }
}
