package cn.sedx.gateway.simulator;

import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Sha256;
import cn.sedx.gateway.signing.Certificates;
import cn.sedx.gateway.signing.ExchangePackageVerifier;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated platforms' behaviour: verify each delivery as a real platform would (signature against the
 * trust store, the package's digests, the message id), keep it, drop repeats of a message id (answering a
 * DUPLICATE receipt), and answer a receipt signed with the platform's key. Failure modes come from
 * {@code POST /sim/control}. Uses only the gateway's public contracts: wire headers, receipt JSON, signing API.
 */
class SimulatedPlatforms {

    /** One HTTP answer; {@code drop} asks the caller to break the connection instead. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean drop) {}

    private final SigningKeys keys;
    private final SignatureVerifier verifier;
    private final ExchangePackageVerifier packages;
    private final SimulatorSettings settings;
    private final ReceivedLog log;
    private final CallbackSender callbacks;
    private final Clock clock;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    SimulatedPlatforms(SigningKeys keys, SignatureVerifier verifier, ExchangePackageVerifier packages,
            SimulatorSettings settings, ReceivedLog log, CallbackSender callbacks, Clock clock) {
        this.keys = keys;
        this.verifier = verifier;
        this.packages = packages;
        this.settings = settings;
        this.log = log;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    void control(String destination, Behaviour behaviour) {
        behaviours.put(destination, behaviour);
    }

    Answer provincial(String destination, Map<String, String> headers, byte[] body) throws InterruptedException {
        return handle(destination, headers, body, settings.provincialKey(), () -> verifyProvincial(headers, body));
    }

    /** A local regulator verifies and answers as a provincial platform does, with the provincial key. */
    Answer regulator(String destination, Map<String, String> headers, byte[] body) throws InterruptedException {
        return handle(destination, headers, body, settings.provincialKey(), () -> verifyProvincial(headers, body));
    }

    Answer national(String destination, Map<String, String> headers, byte[] body) throws InterruptedException {
        return handle(destination, headers, body, settings.nationalKey(), () -> {
            String id = packages.verify(new ByteArrayInputStream(body)).manifest().messageId();
            if (!id.equals(headers.get("x-message-id"))) {
                throw new IllegalArgumentException("manifest message id differs from X-Message-Id");
            }
        });
    }

    private Answer handle(String destination, Map<String, String> headers, byte[] body, String key,
            Runnable verification) throws InterruptedException {
        log.enter(destination);
        try {
            return answer(destination, headers, body, key, verification);
        } finally {
            log.leave(destination);
        }
    }

    private Answer answer(String destination, Map<String, String> headers, byte[] body, String key,
            Runnable verification) throws InterruptedException {
        Behaviour behaviour = behaviours.getOrDefault(destination, Behaviour.NORMAL);
        switch (behaviour.mode()) {
            case FAIL -> {
                log.failed(destination);
                return problem(behaviour.statusOr503(), "SIMULATED_FAILURE");
            }
            case DROP -> {
                log.failed(destination);
                return new Answer(0, Map.of(), new byte[0], true);
            }
            case DELAY -> Thread.sleep(behaviour.delayOr2s());
            default -> { }
        }
        String messageId = headers.get("x-message-id");
        ReceivedLog.Entry entry = new ReceivedLog.Entry(destination, messageId, clock.instant(), headers, body,
                "REJECTED");
        try {
            if (messageId == null || headers.get("x-message-type") == null) {
                throw new IllegalArgumentException("X-Message-Id and X-Message-Type are required");
            }
            verification.run();
        } catch (SedxException e) {
            log.reject(entry);
            return problem(403, e.code().name());
        } catch (RuntimeException e) {
            log.reject(entry);
            return problem(400, "BAD_REQUEST");
        }
        boolean first = log.accept(entry);
        if (first && settings.documentExchanges().contains(destination)) {
            callbacks.schedule(messageId, behaviour);
        }
        return receipt(destination, messageId, first, body, key, behaviour.mode() == Behaviour.Mode.BAD_RECEIPT);
    }

    /**
     * A connection test (the console's "test connection"): the probe's signature is checked as a delivery's would be
     * and answered with a signed {@code PROBE_OK}; the failure modes apply; nothing is kept or counted as received.
     */
    Answer probe(String destination, boolean national, Map<String, String> headers, byte[] body)
            throws InterruptedException {
        Behaviour behaviour = behaviours.getOrDefault(destination, Behaviour.NORMAL);
        switch (behaviour.mode()) {
            case FAIL -> {
                return problem(behaviour.statusOr503(), "SIMULATED_FAILURE");
            }
            case DROP -> {
                return new Answer(0, Map.of(), new byte[0], true);
            }
            case DELAY -> Thread.sleep(behaviour.delayOr2s());
            default -> { }
        }
        try {
            verifySignature(headers, body);
        } catch (SedxException e) {
            return problem(403, e.code().name());
        } catch (RuntimeException e) {
            return problem(400, "BAD_REQUEST");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("destination", destination);
        answer.put("status", "PROBE_OK");
        answer.put("receivedAt", clock.instant().toString());
        answer.put("bodySha256", Sha256.hex(body));
        return signed(answer, national ? settings.nationalKey() : settings.provincialKey(), false);
    }

    private void verifyProvincial(Map<String, String> headers, byte[] body) {
        verifySignature(headers, body);
        try {
            JsonNode filing = json.readTree(body);
            if (!headers.get("x-message-id").equals(filing.path("messageId").asText())) {
                throw new IllegalArgumentException("body message id differs from X-Message-Id");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON", e);
        }
    }

    private void verifySignature(Map<String, String> headers, byte[] body) {
        String algorithm = headers.get("x-signature-algorithm");
        String signature = headers.get("x-signature");
        String certificate = headers.get("x-signer-cert");
        if (algorithm == null || signature == null || certificate == null) {
            throw new IllegalArgumentException("signature headers missing");
        }
        verifier.verify(SignatureProfile.fromHeader(algorithm), body, Base64.getDecoder().decode(signature),
                certificate(certificate), clock.instant());
    }

    private Answer receipt(String destination, String messageId, boolean first, byte[] body, String key,
            boolean spoil) {
        Map<String, String> receipt = new LinkedHashMap<>();
        receipt.put("messageId", messageId);
        receipt.put("destination", destination);
        receipt.put("status", first ? "RECEIVED" : "DUPLICATE");
        receipt.put("receivedAt", clock.instant().toString());
        receipt.put("bodySha256", Sha256.hex(body));
        return signed(receipt, key, spoil);
    }

    private Answer signed(Map<String, String> receipt, String key, boolean spoil) {
        byte[] bytes = write(receipt);
        Signer signer = keys.signer(key);
        byte[] signature = signer.sign(bytes);
        if (spoil) {
            signature[signature.length / 2] ^= 0x5A;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Signature-Algorithm", signer.profile().headerValue());
        headers.put("X-Signature", Base64.getEncoder().encodeToString(signature));
        headers.put("X-Signer-Cert", encoded(signer.certificate()));
        return new Answer(200, headers, bytes, false);
    }

    private Answer problem(int status, String code) {
        Map<String, String> problem = Map.of("code", code, "title", "simulated platform refused the delivery");
        return new Answer(status, Map.of("Content-Type", "application/problem+json"), write(problem), false);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    static String encoded(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String base64) {
        try {
            return Certificates.fromBase64(base64);
        } catch (SedxException e) {
            throw new IllegalArgumentException("malformed signer certificate", e);
        }
    }
}
