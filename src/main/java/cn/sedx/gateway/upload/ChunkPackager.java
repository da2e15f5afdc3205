package cn.sedx.gateway.upload;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.PackageEntry;
import cn.sedx.gateway.signing.PackageManifest;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;

/**
 * Signs a chunk: an exchange package of message type PERSONNEL_BATCH holding {@code personnel-batch.xml},
 * 主送 the national platform, under the chunk's message id. Thread-safe.
 */
class ChunkPackager {

    /** The entry name of the batch document in the package. */
    static final String ENTRY = "personnel-batch.xml";

    private final ExchangePackageWriter writer;
    private final SigningKeys keys;
    private final UploadSettings settings;
    private final Clock clock;

    ChunkPackager(ExchangePackageWriter writer, SigningKeys keys, UploadSettings settings, Clock clock) {
        this.writer = writer;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The signed package of {@code chunk} under {@code messageId}. */
    byte[] pack(String messageId, Chunk chunk) {
        Signer signer = keys.signer(settings.signingKey());
        UploadSettings.Sender sender = settings.sender();
        PackageManifest manifest = new PackageManifest(messageId, MessageType.PERSONNEL_BATCH,
                new PackageManifest.Party(sender.name(), sender.uscc(), sender.regionCode()),
                List.of(settings.recipient()), List.of(), clock.instant(), null);
        byte[] xml = chunk.xml();
        ByteArrayOutputStream zip = new ByteArrayOutputStream(xml.length / 4 + 4096);
        writer.write(manifest, List.of(new PackageEntry(ENTRY, "application/xml", () -> new ByteArrayInputStream(xml))),
                signer, zip);
        return zip.toByteArray();
    }
}
