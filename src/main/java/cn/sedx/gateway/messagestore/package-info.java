/**
 * The message store (报文库): messages, their encrypted payloads, state histories, deliveries and the exact requests
 * sent, in H2 or PostgreSQL with one set of Flyway migrations. Depends on no feature; offers
 * {@link cn.sedx.gateway.messagestore.MessageStore}, {@link cn.sedx.gateway.messagestore.DeliveryLog},
 * {@link cn.sedx.gateway.messagestore.MessageState} with the one set of state rules, and
 * {@link cn.sedx.gateway.messagestore.StateChange#GATEWAY}, the actor of what the gateway does by itself.
 */
package cn.sedx.gateway.messagestore;
