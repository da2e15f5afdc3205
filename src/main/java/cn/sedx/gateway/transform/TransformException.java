package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.util.List;

/** The message cannot be put into the target format; retrying cannot help. */
public class TransformException extends SedxException {

    public TransformException(ErrorCode code, String messageId, String detail, Throwable cause) {
        super(code, messageId, detail, List.of(), cause);
    }
}
