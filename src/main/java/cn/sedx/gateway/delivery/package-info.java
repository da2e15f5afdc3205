/**
 * Delivery to the destination platforms (国家平台、省级平台、公文交换、属地监管部门): owns the outbox
 * ({@code DeliveryDispatcher}, which queues RECEIVED messages on each destination's persistent queue), the
 * destination lanes that consume those queues, the attempt (wire format, signature, HTTP, receipt), retries, circuit
 * breakers and the recording of every attempt. Offers the routing ({@link cn.sedx.gateway.delivery.DeliveryRouter},
 * {@link cn.sedx.gateway.delivery.Destinations}), its settings and the delivery states to replay, upload, metrics and
 * the console. Intake never calls it: the store and the queues are between them. See {@code docs/delivery.md}.
 */
package cn.sedx.gateway.delivery;
