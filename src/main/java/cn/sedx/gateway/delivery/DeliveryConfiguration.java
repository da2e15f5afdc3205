package cn.sedx.gateway.delivery;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.receipt.ReceiptVerifier;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.transform.NationalXml;
import cn.sedx.gateway.transform.ProvincialJson;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the delivery feature. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    Destinations destinations(DeliverySettings settings) {
        if (settings.requirePlatforms()) {
            PlatformUrls.requireReal(settings.destinations());
        }
        return new Destinations(settings.destinations());
    }

    @Bean
    DestinationConsumers destinationConsumers(CamelContext camel) {
        return new DestinationConsumers(camel);
    }

    @Bean
    DeliveryBreakers deliveryBreakers(DeliverySettings settings, MeterRegistry meters,
            DestinationConsumers consumers) {
        return new DeliveryBreakers(settings.destinations(), meters, consumers::breakerChanged);
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
            Clock clock) {
        return new DeliveryRelay(destinations, store, states, wire, client, receipts, breakers, new Backoffs(),
                clock);
    }

    @Bean("deliveryAttempt")
    DeliveryAttemptProcessor deliveryAttempt(DeliveryRelay relay) {
        return new DeliveryAttemptProcessor(relay);
    }

    @Bean
    DeliveryRoutes deliveryRoutes(DeliverySettings settings) {
        return new DeliveryRoutes(settings);
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
