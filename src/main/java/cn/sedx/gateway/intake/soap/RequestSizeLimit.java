package cn.sedx.gateway.intake.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a request larger than the limit: at once when its Content-Length says so, otherwise (chunked)
 * as soon as more bytes than the limit have been read. MTOM parts count towards the limit.
 */
final class RequestSizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long limit;

    RequestSizeLimit(long limit) {
        super(Phase.RECEIVE);
        this.limit = limit;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = contentLength(message);
        if (declared > limit) {
            throw new Fault(new RequestTooLarge(limit));
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Bounded(in, limit));
        }
    }

    private static long contentLength(Message message) {
        Object request = message.get("HTTP.REQUEST");
        if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
            return http.getContentLengthLong();
        }
        return -1;
    }

    /** Counts what is read and fails past the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws RequestTooLarge {
            count += n;
            if (count > limit) {
                throw new RequestTooLarge(limit);
            }
        }
    }
}
