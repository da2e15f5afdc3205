package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.DeliveryLog;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.metrics.GatewayMetrics;
import cn.sedx.gateway.receipt.ReceiptVerifier;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.transform.NationalXml;
import cn.sedx.gateway.transform.ProvincialJson;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Wires the delivery feature. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    Destinations destinations(DeliverySettings settings) {
        if (settings.requirePlatforms()) {
            PlatformUrls.requireReal(settings.destinations());
        }
        return new Destinations(settings.destinations(), settings.queuePrefix());
    }

    @Bean
    DeliveryBreakers deliveryBreakers(DeliverySettings settings, MeterRegistry meters) {
        return new DeliveryBreakers(settings.destinations(), meters, (destination, state) -> log.info(
                "circuit breaker of {} is now {}", destination, state));
    }

    @Bean("deliveryBreakersHealthIndicator")
    DeliveryHealth deliveryBreakersHealth(DeliveryBreakers breakers) {
        return new DeliveryHealth(breakers);
    }

    @Bean
    WireFormats wireFormats(SigningKeys keys, ExchangePackageWriter packages, MessageStore store,
            DeliverySettings settings, Clock clock) {
        return new WireFormats(keys, packages, new ProvincialJson(JsonMapper.builder().build()),
                new NationalXml(), store, settings.sender(), clock);
    }

    @Bean
    DeliveryRelay deliveryRelay(Destinations destinations, MessageStore store, DeliveryStates states,
            WireFormats wire, PlatformClient client, ReceiptVerifier receipts, DeliveryBreakers breakers,
            GatewayMetrics metrics, DeliverySettings settings, Clock clock) {
        return new DeliveryRelay(destinations, store, states, wire, client, receipts, breakers, new Backoffs(),
                metrics, settings.keepSentRequests(), clock);
    }

    /** Sessions of the outbox and the lanes are transacted: each commits what it received and sent, together. */
    @Bean
    JmsTemplate deliveryJms(ConnectionFactory connectionFactory) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        return jms;
    }

    @Bean("deliveryDispatcher")
    DeliveryDispatcher deliveryDispatcher(MessageStore store, DeliveryLog deliveries, DeliveryRouter router,
            JmsTemplate deliveryJms, PlatformTransactionManager transactions, DeliverySettings settings,
            Clock clock) {
        return new DeliveryDispatcher(store, deliveries, router, deliveryJms, new TransactionTemplate(transactions),
                settings.dispatchBatch(), clock);
    }

    @Bean
    DestinationLanes destinationLanes(DeliverySettings settings, DeliveryRelay relay, DeliveryBreakers breakers,
            JmsTemplate deliveryJms) {
        return new DestinationLanes(settings, relay, breakers, deliveryJms);
    }

    /**
     * Sets the broker's consumer window of the gateway's JMS connections ({@code sedx.delivery.lanes.consumer-window},
     * default 0: no message is buffered in one lane while another lane, or another node, is free) on the Artemis
     * connection factory Spring Boot makes, before any connection is opened. Every consumer of the gateway is a lane.
     */
    @Bean
    static BeanPostProcessor deliveryConsumerWindow(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ConnectionFactory factory) {
                    DataSize window = Binder.get(environment).bind("sedx.delivery.lanes.consumer-window",
                            DataSize.class).orElse(DataSize.ofBytes(0));
                    ConsumerWindow.set(factory, (int) window.toBytes());
                }
                return bean;
            }
        };
    }

    /**
     * The embedded broker redelivers a rolled-back sedx message after 1 s, doubling to 1 min, and never drops
     * it: a message the gateway cannot handle (database down) waits rather than vanishing.
     */
    @Bean
    ArtemisConfigurationCustomizer sedxAddressSettings() {
        return configuration -> configuration.addAddressSetting("sedx.#", new AddressSettings()
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(-1));
    }
}
