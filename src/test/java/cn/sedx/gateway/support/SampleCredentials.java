package cn.sedx.gateway.support;

/** The sample credentials of the embedded default (README.md lists them); samples only, never for production. */
public final class SampleCredentials {

    /** Guangdong provincial system {@code gd-province}: jurisdiction 44, every message type. */
    public static final String GD_PROVINCE_TOKEN = "sedx-sample-gd-province-dd0dbda348f429c18b654c28";

    /** Tianhe county system {@code tianhe-county}: jurisdiction 440106, personnel filings and safety records. */
    public static final String TIANHE_COUNTY_TOKEN = "sedx-sample-tianhe-county-5fb01398ed16c4ff9766d067";

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-sample-only";
    public static final String AUDITOR = "auditor";
    public static final String AUDITOR_PASSWORD = "auditor-sample-only";

    private SampleCredentials() {}
}
