package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Reads a request body but never more than a limit, whether or not the client declared its length. */
final class BoundedBody {

    private BoundedBody() {}

    static byte[] read(HttpServletRequest request, DataSize limit) throws IOException {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            // read one byte past the limit so a body of exactly the limit passes and a longer one does not
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static SedxException tooLarge(DataSize limit) {
        String detail = limit.toBytes() + " bytes";
        return SedxException.refused(ErrorCode.PAYLOAD_TOO_LARGE, "over " + detail,
                List.of(Violation.of(ErrorCode.PAYLOAD_TOO_LARGE, "", "上限 " + detail, "limit " + detail)));
    }
}
