/**
 * The simulated destination platforms ({@code /sim/**}) for development and tests: they verify each delivery as a
 * real platform would and answer signed receipts and callbacks, with failure modes set over
 * {@code POST /sim/control}. They use only the gateway's public contracts; nothing in the gateway imports them.
 */
package cn.sedx.gateway.simulator;
