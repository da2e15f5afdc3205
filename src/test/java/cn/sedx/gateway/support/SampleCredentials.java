package cn.sedx.gateway.support;

/** The sample credentials of the embedded default (README.md lists them); samples only, never for production. */
public final class SampleCredentials {

    /** Guangdong provincial system {@code gd-province}: jurisdiction 44, every message type. */
    public static final String GD_PROVINCE_TOKEN = "sedx-sample-gd-province-dd0dbda348f429c18b654c28";

    /** Tianhe county system {@code tianhe-county}: jurisdiction 440106, personnel filings and safety records. */
    public static final String TIANHE_COUNTY_TOKEN = "sedx-sample-tianhe-county-5fb01398ed16c4ff9766d067";

    /** Tianhe district regulator {@code tianhe-regulator}: REGULATOR, jurisdiction 440106, orders and their changes. */
    public static final String TIANHE_REGULATOR_TOKEN = "sedx-sample-tianhe-regulator-a9445b4d7358a157f8cea24e";

    /** Guangzhou municipal regulator {@code guangzhou-regulator}: REGULATOR, jurisdiction 4401. */
    public static final String GUANGZHOU_REGULATOR_TOKEN = "sedx-sample-guangzhou-regulator-d138d570b738dc7189fe2bca";

    /** Guangdong inspection institute {@code gd-inspection-agency}: AGENCY TS7110001-2027, jurisdiction 44. */
    public static final String GD_AGENCY_TOKEN = "sedx-sample-gd-inspection-agency-ab8e5a5bdc6a2a193b31af28";

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-sample-only";
    public static final String AUDITOR = "auditor";
    public static final String AUDITOR_PASSWORD = "auditor-sample-only";

    private SampleCredentials() {}
}
