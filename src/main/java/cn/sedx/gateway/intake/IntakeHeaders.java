package cn.sedx.gateway.intake;

/** Headers the intake puts on every message it hands to the accepted queue. */
public final class IntakeHeaders {

    /** The gateway's message id, for life. */
    public static final String MESSAGE_ID = "SedxMessageId";

    /** The {@code MessageType} name. */
    public static final String MESSAGE_TYPE = "SedxMessageType";

    private IntakeHeaders() {}
}
