package cn.sedx.gateway.intake.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails with a given {@link XlsxFailure} once more than a limit of bytes was read. */
final class LimitedInput extends FilterInputStream {

    private final long limit;
    private final java.util.function.Supplier<XlsxFailure> failure;
    private long read;

    LimitedInput(InputStream in, long limit, java.util.function.Supplier<XlsxFailure> failure) {
        super(in);
        this.limit = limit;
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws XlsxFailure {
        read += n;
        if (read > limit) {
            throw failure.get();
        }
    }
}
