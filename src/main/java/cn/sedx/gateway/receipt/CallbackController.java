package cn.sedx.gateway.receipt;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The document exchange's callback endpoint; answers 200 with the recorded state, or a problem body. */
@RestController
@RequestMapping(path = "/api/v1/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
class CallbackController {

    private static final int MAX_BODY = 64 * 1024;

    private final DocumentExchangeCallbacks callbacks;

    CallbackController(DocumentExchangeCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(path = "/document-exchange", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> documentExchange(HttpServletRequest request,
            @RequestHeader(name = SignedBody.SIGNATURE_ALGORITHM, required = false) String algorithm,
            @RequestHeader(name = SignedBody.SIGNATURE, required = false) String signature,
            @RequestHeader(name = SignedBody.SIGNER_CERT, required = false) String certificate) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new SedxException(ErrorCode.PAYLOAD_TOO_LARGE, "callbacks are at most 64 KiB");
        }
        MessageState state = callbacks.accept(body, algorithm, signature, certificate);
        return Map.of("state", state.name());
    }
}
