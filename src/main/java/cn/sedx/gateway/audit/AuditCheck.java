package cn.sedx.gateway.audit;

import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.SigningSettings;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Command-line check of the audit chain, for a gateway that is stopped (the embedded H2 file is then free) or
 * a PostgreSQL store: the same check as {@code GET /api/v1/admin/audit/verify}. Exits 0 when intact, 1 when
 * broken, 2 on a usage error.
 *
 * <pre>
 * java -cp target/sedx-gateway.jar -Dloader.main=cn.sedx.gateway.audit.AuditCheck \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [jdbc-url]
 * </pre>
 * The URL defaults to {@code SEDX_DB_URL}, else the embedded file {@code ./data/db/sedx}; the user and password
 * come from {@code SEDX_DB_USER} and {@code SEDX_DB_PASSWORD}; the trust store that signed heads are checked
 * against is the configured default (the sample one unless {@code sedx.signing.trust-store} is changed).
 */
final class AuditCheck {

    private AuditCheck() {}

    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println("usage: AuditCheck [jdbc-url]");
            System.exit(2);
        }
        AuditReport report = check(args.length == 1 ? args[0] : env("SEDX_DB_URL",
                "jdbc:h2:file:./data/db/sedx;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
        System.out.println(report.intact()
                ? "audit chain intact: " + report.entriesChecked() + " entries, " + report.headsChecked()
                        + " signed heads"
                : "audit chain BROKEN at entry " + report.firstBrokenSeq() + ": " + report.problem());
        System.exit(report.intact() ? 0 : 1);
    }

    /** Checks the audit chain of the store at {@code url}. */
    static AuditReport check(String url) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, env("SEDX_DB_USER", "sa"),
                env("SEDX_DB_PASSWORD", ""));
        SignatureVerifier verifier = SignatureVerifier.fromTrustStore(SigningSettings.defaults().trustStore(),
                new DefaultResourceLoader());
        SignedHeads heads = new SignedHeads(JdbcClient.create(dataSource), verifier);
        return new AuditVerifier(new JdbcTemplate(dataSource), heads).verify();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
