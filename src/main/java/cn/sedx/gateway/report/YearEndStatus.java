package cn.sedx.gateway.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who has sent the year-end report of one year ({@code GET /api/v1/reports/year-end}).
 *
 * @param year          the report year
 * @param deadline      the day the reports are due (inclusive, in the configured zone)
 * @param summary       the count of organisations per status, and how many are late
 * @param organisations one entry per configured organisation, in configuration order
 */
record YearEndStatus(int year, LocalDate deadline, Summary summary, List<Entry> organisations) {

    /** Where an organisation's report stands: the state of its newest version. */
    public enum Status {
        /** No report for the year. */
        NOT_SENT,
        /** Accepted by the gateway, on its way; no receipt yet. */
        SENT,
        /** The document exchange's receipt verified (已接收). */
        ACKNOWLEDGED,
        /** 已签收. */
        SIGNED_FOR,
        /** 已退回, with a reason; correct and resubmit. */
        RETURNED,
        /** Delivery dead-lettered; an operator must replay it. */
        FAILED
    }

    /**
     * @param organisations configured organisations
     * @param late          organisations whose first version came after the deadline, or that have not sent once
     *                      the deadline passed
     */
    public record Summary(int organisations, int notSent, int sent, int acknowledged, int signedFor, int returned,
            int failed, int late) {}

    /**
     * @param messageId      the newest version's message id, or null when not sent
     * @param versions       every version's message id, oldest first (a resubmission references the one before)
     * @param firstSentAt    when the first version was accepted, or null
     * @param returnedReason the reason of the newest return, when RETURNED
     */
    public record Entry(String name, String uscc, Status status, String messageId, List<String> versions,
            Instant firstSentAt, boolean late, String returnedReason) {}
}
