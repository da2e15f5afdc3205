package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.MessageType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds sample exchange packages and takes them apart for tampering. */
final class Packages {

    static final byte[] REPORT_XML = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<report><province>广东省</province><year>2025</year><units>76450</units></report>\n")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] ATTACHMENT = "年度工作总结：特种设备企业主体责任推进年。".repeat(50).getBytes(StandardCharsets.UTF_8);

    private Packages() {}

    static PackageManifest yearEndReport(Instant createdAt) {
        PackageManifest.OfficialDocument document = new PackageManifest.OfficialDocument("广东省市场监督管理局",
                "粤市监特〔2025〕12号", "关于2025年特种设备安全工作情况的报告", List.of("市场监管总局特种设备局"),
                List.of("国家市场监督管理总局办公厅"), LocalDate.of(2025, 12, 20), "加急", 1, null);
        return new PackageManifest("msg-2025-000123", MessageType.YEAR_END_REPORT,
                new PackageManifest.Party("广东省市场监督管理局", "91350100M000100Y43", "440000"),
                List.of("市场监管总局特种设备局"), List.of("国家市场监督管理总局办公厅"), createdAt, document);
    }

    static List<PackageEntry> entries() {
        return List.of(PackageEntry.of("report.xml", "application/xml", REPORT_XML),
                PackageEntry.of("summary.txt", "text/plain; charset=UTF-8", ATTACHMENT));
    }

    static byte[] build(Signer signer, Instant createdAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExchangePackageWriter().write(yearEndReport(createdAt), entries(), signer, out);
        return out.toByteArray();
    }

    static byte[] build(String keyName) {
        return build(SampleKeys.keys().signer(keyName), Instant.now());
    }

    /** The package's entries by name, in ZIP order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Rebuilds a package after {@code change} edited its entries. */
    static byte[] tamper(byte[] zip, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> entries = unzip(zip);
        change.accept(entries);
        return zip(entries);
    }

    static void flipByte(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name).clone();
        content[content.length / 2] ^= 0x01;
        entries.put(name, content);
    }

    static ExchangePackageVerifier verifier() {
        return new ExchangePackageVerifier(SampleKeys.verifier(), SigningSettings.defaults().packageLimits());
    }
}
