package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Sha256;
import cn.sedx.gateway.shared.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Batch files uploaded over HTTP: the public entry of the batch service for the REST API and the console. An
 * accepted file is on disk (forced) and its row QUEUED before {@link #accept} returns; a worker of this node then
 * processes it through the same {@link BatchIntake} as the inbox, so every record passes the same type,
 * jurisdiction and validation rules as a single submission, keyed {@code <file SHA-256>:<record>}.
 */
@Service
public class BatchUploads {

    /** The formats taken, by file extension. */
    public static final Set<String> FORMATS = Set.of("xlsx", "csv", "jsonl", "xml");

    private final BatchUploadStore store;
    private final BatchWorkers workers;
    private final BatchUploadSettings settings;
    private final Clock clock;

    BatchUploads(BatchUploadStore store, BatchWorkers workers, BatchUploadSettings settings) {
        this.store = store;
        this.workers = workers;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /**
     * The answer to an upload.
     *
     * @param repeated true when the idempotency key named an earlier upload of the same file: this is that batch
     */
    public record Accepted(BatchUpload batch, boolean repeated) {}

    /**
     * Stores {@code content} as a new batch of {@code system} and queues it.
     *
     * @param idempotencyKey the client's key, or null (then every upload is a new batch; its records are still keyed
     *                       by the file's checksum, so the same file twice stores no record twice)
     * @param fileName       the name the client gave; its extension chooses the format
     * @param content        read to its end, at most the size limit; closed by the caller
     * @throws SedxException UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE or IDEMPOTENCY_KEY_CONFLICT
     */
    public Accepted accept(String system, String idempotencyKey, String fileName, InputStream content)
            throws IOException {
        String format = format(fileName);
        String id = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(settings.folder().resolve(id));
        Path file = folder.resolve(safeName(fileName, format));
        String sha256;
        long size;
        try {
            MessageDigest digest = Sha256.digest();
            size = copy(new DigestInputStream(content, digest), file);
            sha256 = Sha256.hex(digest);
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder);
            throw e;
        }
        Optional<Accepted> earlier = idempotencyKey == null ? Optional.empty() : earlier(system, idempotencyKey, sha256);
        if (earlier.isPresent()) {
            FileSystemUtils.deleteRecursively(folder);
            return earlier.get();
        }
        BatchUpload upload = new BatchUpload(id, system, idempotencyKey, file.getFileName().toString(), format, sha256,
                size, "QUEUED", 0, 0, 0, 0, null, List.of(), null, clock.instant(), null, null);
        try {
            store.insert(upload, settings.node());
        } catch (DuplicateKeyException race) {
            FileSystemUtils.deleteRecursively(folder);
            return earlier(system, idempotencyKey, sha256).orElseThrow(() -> race);
        }
        workers.kick();
        return new Accepted(upload, false);
    }

    /**
     * The batch {@code id} as {@code system} may see it: a system sees only its own (others' answer empty, so ids
     * leak nothing); null for an operator or auditor, who see every batch.
     */
    public Optional<BatchUpload> find(String id, String system) {
        return store.find(id).filter(batch -> system == null || batch.submittingSystem().equals(system));
    }

    /** The report {@code name} of a finished batch of {@code system}, when the batch lists it. */
    public Optional<Path> report(String id, String system, String name) {
        return find(id, system).filter(BatchUpload::finished).filter(batch -> batch.reports().contains(name))
                .map(batch -> settings.folder().resolve(batch.id()).resolve(batch.outcome()).resolve(name))
                .filter(Files::isRegularFile);
    }

    private Optional<Accepted> earlier(String system, String key, String sha256) {
        return store.findByKey(system, key).map(existing -> {
            if (!existing.sha256().equals(sha256)) {
                throw SedxException.refused(ErrorCode.IDEMPOTENCY_KEY_CONFLICT, "key reused",
                        List.of(Violation.of(ErrorCode.IDEMPOTENCY_KEY_CONFLICT, "", "该幂等键已用于批次 " + existing.id(),
                                "the key was used for batch " + existing.id())));
            }
            return new Accepted(existing, true);
        });
    }

    private long copy(InputStream in, Path file) throws IOException {
        long limit = settings.maxUploadSize().toBytes();
        long size = 0;
        byte[] chunk = new byte[64 * 1024];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                size += n;
                if (size > limit) {
                    throw SedxException.refused(ErrorCode.PAYLOAD_TOO_LARGE, "over " + limit + " bytes",
                            List.of(Violation.of(ErrorCode.PAYLOAD_TOO_LARGE, "/file", "上限 " + limit + " 字节",
                                    "limit " + limit + " bytes")));
                }
                out.write(ByteBuffer.wrap(chunk, 0, n));
            }
            out.force(true);
        }
        return size;
    }

    static String format(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!name.contains(".") || !FORMATS.contains(extension)) {
            throw SedxException.refused(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "not a batch file", List.of(
                    Violation.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "/file", "文件扩展名须为 .xlsx、.csv、.jsonl 或 .xml",
                            "the file name must end in .xlsx, .csv, .jsonl or .xml")));
        }
        return extension;
    }

    /** The client's file name without any folder, limited to letters, digits and {@code . _ - ( )}. */
    static String safeName(String fileName, String format) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        base = base.substring(0, base.length() - format.length() - 1).replaceAll("[^\\p{L}\\p{N}._()（）-]", "_");
        base = base.replaceAll("^\\.+", "_");
        return (base.isEmpty() ? "upload" : base.length() > 100 ? base.substring(0, 100) : base) + "." + format;
    }

}
