package cn.sedx.gateway.operations;

import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.delivery.PlatformUrls;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.SigningKeys;
import cn.sedx.gateway.signing.SigningSettings;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * What the production profile refuses, each problem a line in Chinese and English naming its setting: no signing
 * key, a key, certificate or trust store from {@code certs-sample/} (recognised by content, wherever it was copied),
 * a key that cannot be loaded, a destination or job naming a key that is missing or unusable, a destination that is
 * not a real platform ({@link PlatformUrls}), a plain-HTTP listener without a configured TLS-terminating proxy, and
 * stored payloads without their SM4 key (or with encryption at rest switched off).
 */
final class ProductionReadiness {

    private static final Set<String> FORWARDING = Set.of("native", "framework");

    private final Environment environment;
    private final ResourceLoader resources;
    private final HomeFolder home;
    private final SampleMaterial samples;
    private final Binder binder;

    ProductionReadiness(Environment environment, ResourceLoader resources, HomeFolder home, SampleMaterial samples) {
        this.environment = environment;
        this.resources = resources;
        this.home = home;
        this.samples = samples;
        this.binder = Binder.get(environment);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        SigningSettings signing = binder.bindOrCreate("sedx.signing", SigningSettings.class);
        Map<String, String> unusable = new LinkedHashMap<>();
        keys(signing, unusable, problems);
        trustStore(signing.trustStore(), problems);
        Map<String, String> references = new TreeMap<>();
        binder.bind("sedx.delivery", DeliverySettings.class).ifBound(delivery -> {
            delivery.destinations().forEach((name, destination) ->
                    references.put("sedx.delivery.destinations." + name + ".signing-key", destination.signingKey()));
            if (delivery.requirePlatforms()) {
                PlatformUrls.problems(delivery.destinations()).forEach(problem -> problems.add("目标平台地址不是正式平台 /"
                        + " destinations must point at the real platforms (sedx.delivery.destinations.<name>.url): "
                        + problem));
            }
        });
        for (String job : List.of("sedx.upload.signing-key", "sedx.audit.signing-key")) {
            references.put(job, environment.getProperty(job, "gateway-sm2"));
        }
        references.forEach((setting, key) -> reference(setting, key, signing, unusable, problems));
        listener(problems);
        soapAddress(problems);
        storeKey(problems);
        return problems;
    }

    /** Stored payloads hold ID numbers and mobiles: production seals them under a key from the environment. */
    private void storeKey(List<String> problems) {
        if (!environment.getProperty("sedx.store.encryption.enabled", Boolean.class, true)) {
            problems.add("存储加密已关闭 / sedx.store.encryption.enabled is false: stored payloads (ID numbers, mobiles)"
                    + " would be kept in clear");
        } else if (isBlank("sedx.store.encryption.key") || isBlank("sedx.store.encryption.key-id")) {
            problems.add("未配置存储加密密钥 / no store key: set SEDX_STORE_KEY and SEDX_STORE_KEY_ID"
                    + " (sedx.store.encryption.key, sedx.store.encryption.key-id; docs/security.md)");
        }
    }

    private boolean isBlank(String setting) {
        String value = environment.getProperty(setting);
        return value == null || value.isBlank();
    }

    private void soapAddress(List<String> problems) {
        String url = environment.getProperty("sedx.soap.public-url");
        if (url == null || url.isBlank()) {
            problems.add("未配置 SOAP 服务的公开地址 / sedx.soap.public-url is not set: the served WSDL would give callers"
                    + " an address taken from their own Host header");
        } else if (!url.toLowerCase().startsWith("https://")) {
            problems.add("SOAP 服务的公开地址必须是 HTTPS / sedx.soap.public-url (" + url + ") must be an https URL");
        }
    }

    private void keys(SigningSettings signing, Map<String, String> unusable, List<String> problems) {
        if (signing.sampleKeys()) {
            problems.add("sedx.signing.sample-keys 为 true，将用 certs-sample/ 的样例密钥签名 / sedx.signing.sample-keys is"
                    + " true: the SAMPLE keys of certs-sample/, whose private keys are public, would sign; set it to"
                    + " false and configure sedx.signing.keys.<name>");
        }
        if (signing.keys().isEmpty()) {
            problems.add("没有配置签名密钥 / no signing key is configured (sedx.signing.keys.<name>.location)");
        }
        new TreeMap<>(signing.keys()).forEach((name, key) -> {
            String setting = "sedx.signing.keys." + name;
            try {
                X509Certificate certificate = SigningKeys.certificateOf(name, key, resources);
                if (sample(key.location(), certificate)) {
                    unusable.put(name, "a SAMPLE key");
                    if (!signing.sampleKeys() || !key.location().equals(sampleLocation(name))) {
                        problems.add("签名密钥 " + name + " 是 certs-sample/ 的样例密钥 / signing key " + name + " ("
                                + setting + ".location = " + key.location() + ") is a SAMPLE key: anyone can sign as it");
                    }
                }
            } catch (SedxException e) {
                unusable.put(name, "unusable");
                problems.add("签名密钥 " + name + " 无法使用 / signing key " + name + " (" + setting + ") cannot be used: "
                        + e.getMessage());
            }
        });
    }

    private void trustStore(SigningSettings.Store store, List<String> problems) {
        String setting = "sedx.signing.trust-store.location";
        if (sampleFile(store.location())) {
            problems.add("信任库是样例信任库 / the trust store " + home.describe(store.location()) + " (" + setting + ") is"
                    + " the SAMPLE one: its roots' private keys are public, so a forged receipt or callback would verify");
            return;
        }
        try {
            for (X509Certificate anchor : SignatureVerifier.fromTrustStore(store, resources).trustAnchors()) {
                if (samples.isSampleCertificate(anchor.getEncoded())) {
                    problems.add("信任库含样例根证书 / the trust store (" + setting + ") holds the SAMPLE certificate "
                            + anchor.getSubjectX500Principal().getName() + ": remove it");
                }
            }
        } catch (SedxException | CertificateEncodingException e) {
            problems.add("信任库无法使用 / the trust store (" + setting + ") cannot be used: " + e.getMessage());
        }
    }

    private void reference(String setting, String key, SigningSettings signing, Map<String, String> unusable,
            List<String> problems) {
        if (!signing.keys().containsKey(key)) {
            problems.add("签名密钥 " + key + " 未配置 / " + setting + " names signing key '" + key + "', which is not"
                    + " configured (sedx.signing.keys." + key + ")");
        } else if (unusable.containsKey(key)) {
            problems.add("签名密钥 " + key + " 不可用 / " + setting + " names signing key '" + key + "', which is "
                    + unusable.get(key));
        }
    }

    private void listener(List<String> problems) {
        boolean tls = !"false".equalsIgnoreCase(environment.getProperty("server.ssl.enabled"))
                && (environment.containsProperty("server.ssl.key-store")
                        || environment.containsProperty("server.ssl.bundle")
                        || environment.containsProperty("server.ssl.certificate"));
        if (tls) {
            for (String store : List.of("server.ssl.key-store", "server.ssl.trust-store")) {
                String location = environment.getProperty(store);
                if (location != null && sampleFile(location)) {
                    problems.add("TLS 密钥库是样例 / " + store + " (" + home.describe(location) + ") is SAMPLE TLS material");
                }
            }
            return;
        }
        OperationsSettings operations = binder.bindOrCreate("sedx.operations", OperationsSettings.class);
        String forwarding = environment.getProperty("server.forward-headers-strategy", "none").toLowerCase();
        if (operations.tlsTerminatingProxy().addresses().isEmpty()) {
            problems.add("监听端口是明文 HTTP / the listener is plain HTTP: configure TLS (server.ssl.key-store …) or"
                    + " name the TLS-terminating proxy in front of it (sedx.operations.tls-terminating-proxy.addresses,"
                    + " with server.forward-headers-strategy: native)");
        } else if (!FORWARDING.contains(forwarding)) {
            problems.add("已配置 TLS 终结代理，但未读取转发头 / a TLS-terminating proxy is configured but"
                    + " server.forward-headers-strategy is " + forwarding + ": set it to native");
        }
    }

    private boolean sample(String location, X509Certificate certificate) {
        try {
            return sampleFile(location) || samples.isSampleCertificate(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** Whether a location is in, or has the same content as a file of, the sample PKI. */
    private boolean sampleFile(String location) {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        if (location.startsWith("classpath:" + HomeFolder.SAMPLES) || HomeFolder.isSample(path)
                || home.path(path).startsWith(home.path(HomeFolder.SAMPLES))) {
            return true;
        }
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return samples.isSampleFile(in.readAllBytes());
        } catch (IOException e) {
            // a missing file is reported by ConfiguredFiles
            return false;
        }
    }

    private static String sampleLocation(String name) {
        return "file:" + HomeFolder.SAMPLES + name + ".p12";
    }
}
