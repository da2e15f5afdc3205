package cn.sedx.gateway.delivery;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.DelegatingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/** Sets the consumer window of the Artemis connection factory inside whatever Spring wrapped it in. */
final class ConsumerWindow {

    private ConsumerWindow() {}

    /** @return whether an Artemis factory was found and set */
    static boolean set(ConnectionFactory factory, int bytes) {
        ConnectionFactory target = factory;
        for (int depth = 0; depth < 4 && !(target instanceof ActiveMQConnectionFactory); depth++) {
            if (target instanceof SingleConnectionFactory single) {
                target = single.getTargetConnectionFactory();
            } else if (target instanceof DelegatingConnectionFactory delegating) {
                target = delegating.getTargetConnectionFactory();
            } else {
                return false;
            }
        }
        if (target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setConsumerWindowSize(bytes);
            return true;
        }
        return false;
    }
}
