package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.delivery.DeliverySettings.Sender;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.PackageEntry;
import cn.sedx.gateway.signing.PackageManifest;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.transform.Envelope;
import cn.sedx.gateway.transform.NationalXml;
import cn.sedx.gateway.transform.ProvincialJson;
import cn.sedx.gateway.transform.ReportFiles;
import cn.sedx.gateway.transform.TransformException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the signed request of one delivery from a stored message: for a provincial platform or a local regulator
 * the provincial JSON signed over its exact bytes (signature headers); for the national platform and the document exchange an
 * exchange package (ZIP) holding the national XML and a report's files, its manifest signed.
 */
class WireFormats {

    static final String MESSAGE_ID = "X-Message-Id";
    static final String MESSAGE_TYPE = "X-Message-Type";
    static final String SIGNATURE_ALGORITHM = "X-Signature-Algorithm";
    static final String SIGNATURE = "X-Signature";
    static final String SIGNER_CERT = "X-Signer-Cert";

    private final SigningKeys keys;
    private final ExchangePackageWriter packages;
    private final ProvincialJson provincial;
    private final NationalXml national;
    private final MessageStore store;
    private final Sender sender;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public WireFormats(SigningKeys keys, ExchangePackageWriter packages, ProvincialJson provincial,
            NationalXml national, MessageStore store, Sender sender, Clock clock) {
        this.keys = keys;
        this.packages = packages;
        this.provincial = provincial;
        this.national = national;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @throws cn.sedx.gateway.shared.SedxException TRANSFORM_FAILED, FORMAT_VERSION_UNSUPPORTED, CERT_EXPIRED,
     *     SIGNING_KEY_UNAVAILABLE …; none is cured by a retry
     */
    public OutboundRequest build(String name, Destination destination, StoredMessage message) {
        if (message.type() == MessageType.PERSONNEL_BATCH) {
            return prebuilt(message);
        }
        JsonNode canonical = canonical(message);
        Envelope envelope = new Envelope(message.id(), message.type(), message.receivedAt(), message.unitUscc(),
                message.regionCode());
        Signer signer = keys.signer(destination.signingKey());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MESSAGE_ID, message.id());
        headers.put(MESSAGE_TYPE, message.type().name());
        if (!destination.kind().takesPackages()) {
            byte[] body = provincial.write(destination.formatVersion(), envelope, canonical);
            headers.put("Content-Type", "application/json");
            headers.put(SIGNATURE_ALGORITHM, signer.profile().headerValue());
            headers.put(SIGNATURE, Base64.getEncoder().encodeToString(signer.sign(body)));
            headers.put(SIGNER_CERT, certificate(signer));
            return new OutboundRequest("/filings", headers, body);
        }
        headers.put("Content-Type", "application/zip");
        return new OutboundRequest("/packages", headers, exchangePackage(name, destination, message, envelope,
                canonical, signer));
    }

    /**
     * A chunk of the national upload was signed as an exchange package when it was cut; its stored bytes are
     * sent as they are, so every retry carries the identical package.
     */
    private OutboundRequest prebuilt(StoredMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MESSAGE_ID, message.id());
        headers.put(MESSAGE_TYPE, message.type().name());
        headers.put("Content-Type", "application/zip");
        return new OutboundRequest("/packages", headers, store.payload(message.id()).orElseThrow());
    }

    private byte[] exchangePackage(String name, Destination destination, StoredMessage message, Envelope envelope,
            JsonNode canonical, Signer signer) {
        byte[] xml = national.write(destination.formatVersion(), envelope, canonical);
        List<PackageEntry> entries = new ArrayList<>();
        entries.add(PackageEntry.of("filing.xml", "application/xml", xml));
        ReportFiles.attachments(envelope.messageId(), ReportFiles.filesHolder(envelope.type(), canonical))
                .forEach(f -> entries.add(PackageEntry.of(f.name(), f.mediaType(), f.content())));
        PackageManifest manifest;
        if (envelope.type() == MessageType.YEAR_END_REPORT) {
            manifest = reportManifest(envelope, canonical, message.previousMessageId());
        } else {
            List<String> recipients = destination.recipientNames().isEmpty() ? List.of(name)
                    : destination.recipientNames();
            manifest = new PackageManifest(envelope.messageId(), envelope.type(), party(), recipients, List.of(),
                    clock.instant(), null);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            packages.write(manifest, entries, signer, zip);
        } catch (IllegalArgumentException e) {
            throw new TransformException(ErrorCode.TRANSFORM_FAILED, envelope.messageId(), e.getMessage(), e);
        }
        return zip.toByteArray();
    }

    /**
     * A corrected report (one that replaces a returned version) travels as the next version of the document: its
     * version counts the chain of versions it replaces, and it names the one it replaces directly.
     */
    private PackageManifest reportManifest(Envelope envelope, JsonNode report, String previousMessageId) {
        List<String> main = ReportFiles.mainRecipients(report);
        List<String> copies = ReportFiles.copyRecipients(report);
        JsonNode issuer = report.path("issuer");
        JsonNode urgency = report.get("urgency");
        PackageManifest.OfficialDocument document = new PackageManifest.OfficialDocument(
                issuer.path("name").asText(), report.path("documentNumber").asText(), report.path("title").asText(),
                main, copies, LocalDate.parse(report.path("issuedOn").asText()),
                urgency == null || urgency.isNull() ? null : urgency.asText(), version(previousMessageId),
                previousMessageId);
        PackageManifest.Party from = new PackageManifest.Party(issuer.path("name").asText(),
                issuer.path("uscc").asText(), issuer.path("regionCode").asText());
        return new PackageManifest(envelope.messageId(), envelope.type(), from, main, copies, clock.instant(),
                document);
    }

    /** 1 for a first version; one more than its predecessor's for a correction (the chain is at most a few long). */
    private int version(String previousMessageId) {
        int version = 1;
        Set<String> seen = new HashSet<>();
        for (String previous = previousMessageId; previous != null && seen.add(previous);
                previous = store.find(previous).map(StoredMessage::previousMessageId).orElse(null)) {
            version++;
        }
        return version;
    }

    private PackageManifest.Party party() {
        return new PackageManifest.Party(sender.name(), sender.uscc(), sender.regionCode());
    }

    private JsonNode canonical(StoredMessage message) {
        byte[] payload = store.payload(message.id()).orElseThrow();
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new TransformException(ErrorCode.TRANSFORM_FAILED, message.id(), "stored payload is not JSON", e);
        }
    }

    private static String certificate(Signer signer) {
        try {
            return Base64.getEncoder().encodeToString(signer.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("signing certificate cannot be encoded", e);
        }
    }
}
