package cn.sedx.gateway.delivery;

/** What sort of platform a destination is, which decides its wire format. */
public enum DestinationKind {
    /** A provincial platform: signed canonical-derived JSON, {@code POST {url}/filings}. */
    PROVINCIAL,
    /** The national supervision platform: a signed exchange package, {@code POST {url}/packages}. */
    NATIONAL_PLATFORM,
    /** The national document exchange (公文交换系统): a signed exchange package, later callbacks. */
    DOCUMENT_EXCHANGE,
    /**
     * A local regulator's system (属地监管部门): agencies' reports of units in its area, chosen by the longest
     * configured {@code region-prefix}; signed JSON in the provincial format, {@code POST {url}/filings}.
     */
    LOCAL_REGULATOR;

    /** Whether this destination takes exchange packages (ZIP) rather than signed JSON bodies. */
    public boolean takesPackages() {
        return this != PROVINCIAL && this != LOCAL_REGULATOR;
    }
}
