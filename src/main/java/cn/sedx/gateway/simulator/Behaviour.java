package cn.sedx.gateway.simulator;

/**
 * How a simulated platform behaves until told otherwise ({@code POST /sim/control}).
 *
 * @param mode            OK, FAIL (answer {@code status}), DELAY ({@code delayMs} then OK), DROP (break off
 *                        the answer after a few bytes), BAD_RECEIPT (accept, but sign the receipt wrongly)
 * @param status          the HTTP status FAIL answers
 * @param delayMs         how long DELAY waits
 * @param callback        the document exchange's callback after a receipt, or null for the configured one
 * @param callbackDelayMs how long before the callback, or null for the configured delay
 * @param reason          the reason of a RETURN callback, or null for the configured one
 */
record Behaviour(Mode mode, Integer status, Long delayMs, SimulatorSettings.CallbackMode callback,
        Long callbackDelayMs, String reason) {

    /** The platform's failure modes. */
    public enum Mode { OK, FAIL, DELAY, DROP, BAD_RECEIPT }

    static final Behaviour NORMAL = new Behaviour(Mode.OK, null, null, null, null, null);

    int statusOr503() {
        return status == null ? 503 : status;
    }

    long delayOr2s() {
        return delayMs == null ? 2000 : delayMs;
    }
}
