/**
 * Replays (重放): operators put dead-lettered or stuck messages back on their destination queues, by id or by filter,
 * with a reason, at a rate; {@code routes/replay.camel.yaml} sends each task. Offers
 * {@link cn.sedx.gateway.replay.ReplayService} and its request and progress types to the console; the REST API is
 * {@code /api/v1/replays}.
 */
package cn.sedx.gateway.replay;
