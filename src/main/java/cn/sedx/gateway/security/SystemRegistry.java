package cn.sedx.gateway.security;

import cn.sedx.gateway.security.SecuritySettings.SystemSettings;
import cn.sedx.gateway.shared.Sha256;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The registered submitting systems, found by id, by bearer token or by client-certificate fingerprint. */
@Component
public class SystemRegistry {

    private final Map<String, SystemSettings> byId;
    private final Map<String, String> idByTokenHash = new HashMap<>();
    private final Map<String, String> idByCertificateHash = new HashMap<>();

    public SystemRegistry(SecuritySettings settings) {
        this.byId = settings.systems();
        byId.forEach((id, system) -> {
            if (system.tokenSha256() != null) {
                idByTokenHash.put(system.tokenSha256(), id);
            }
            if (system.certificateSha256() != null) {
                idByCertificateHash.put(system.certificateSha256(), id);
            }
        });
    }

    public Optional<SystemSettings> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The kind of a registered system, or empty when {@code id} is no registered system. */
    public Optional<SystemKind> kindOf(String id) {
        return find(id).map(SystemSettings::kind);
    }

    /** The system whose token this is; the token is hashed, never compared or kept in clear. */
    public Optional<String> systemForToken(String token) {
        return Optional.ofNullable(idByTokenHash.get(Sha256.hex(token)));
    }

    /** The system whose client certificate has this DER encoding. */
    public Optional<String> systemForCertificate(byte[] der) {
        return Optional.ofNullable(idByCertificateHash.get(Sha256.hex(der)));
    }

}
