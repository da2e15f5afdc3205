package cn.sedx.gateway.receipt;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Sha256;
import cn.sedx.gateway.signing.SignatureVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Verifies a platform's synchronous receipt before a delivery counts as ACKNOWLEDGED: the signature headers
 * over the exact response body against the trust store, then that the receipt names the message and
 * destination delivered and the SHA-256 of the exact bytes sent. Thread-safe.
 */
@Component
public class ReceiptVerifier {

    public static final String SIGNATURE_ALGORITHM = SignedBody.SIGNATURE_ALGORITHM;
    public static final String SIGNATURE = SignedBody.SIGNATURE;
    public static final String SIGNER_CERT = SignedBody.SIGNER_CERT;
    private static final Set<String> STATUSES = Set.of("RECEIVED", "DUPLICATE");

    private final SignatureVerifier verifier;
    private final ObjectMapper json;

    public ReceiptVerifier(SignatureVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
    }

    /**
     * @param sent the exact request body delivered
     * @throws SedxException RECEIPT_INVALID (or the signature check's own code) when anything does not match;
     *     never recoverable
     */
    public Receipt verify(String messageId, String destination, byte[] sent, String algorithm, String signature,
            String certificate, byte[] body) {
        Receipt receipt = parse(body);
        SignedBody.verify(verifier, algorithm, signature, certificate, body, receipt.receivedAt(),
                ErrorCode.RECEIPT_INVALID);
        if (!messageId.equals(receipt.messageId()) || !destination.equals(receipt.destination())) {
            throw invalid("the receipt names message " + receipt.messageId() + " at " + receipt.destination());
        }
        if (!Sha256.hex(sent).equals(receipt.bodySha256())) {
            throw invalid("the receipt's bodySha256 is not the digest of the body sent");
        }
        if (!STATUSES.contains(receipt.status())) {
            throw invalid("unknown receipt status " + receipt.status());
        }
        return receipt;
    }

    private Receipt parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return new Receipt(text(node, "messageId"), text(node, "destination"), text(node, "status"),
                    Instant.parse(text(node, "receivedAt")), text(node, "bodySha256"));
        } catch (IOException | DateTimeParseException e) {
            throw invalid("the receipt is not the receipt JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid("the receipt lacks " + field);
        }
        return value.asText();
    }


    private static SedxException invalid(String detail) {
        return new SedxException(ErrorCode.RECEIPT_INVALID, detail);
    }
}
