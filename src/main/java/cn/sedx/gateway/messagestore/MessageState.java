package cn.sedx.gateway.messagestore;

/** Where a message is in its life. Final states are ACKNOWLEDGED, SIGNED_FOR and FAILED (until replayed). */
public enum MessageState {
    /** Validated and durably stored; acknowledged to the submitter with 202. */
    RECEIVED,
    /** On a persistent queue towards its destinations. */
    QUEUED,
    /** Handed to the destination, no verified receipt yet. */
    SENT,
    /** The destination's signed receipt verified (已接收 for the document exchange). */
    ACKNOWLEDGED,
    /** Retries exhausted or a permanent error: dead-lettered with its reason. */
    FAILED,
    /** Put back on its queue by an operator. */
    REPLAYED,
    /** 已签收: the document exchange signed for the document. */
    SIGNED_FOR,
    /** 已退回: the document exchange returned the document, with a reason. */
    RETURNED
}
