package cn.sedx.gateway.intake.soap;

import java.io.IOException;

/** A request passed the size limit; raised while it is being read, so it is never buffered whole. */
final class RequestTooLarge extends IOException {

    private final long limit;

    RequestTooLarge(long limit) {
        super("request exceeds " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
