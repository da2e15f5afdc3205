package cn.sedx.gateway.audit;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact         true when every sealed entry and every signed head checks out
 * @param entriesChecked sealed entries walked
 * @param headsChecked   signed heads checked
 * @param firstBrokenSeq the chain position of the first entry that does not check out, or null
 * @param problem        what is wrong there, or null
 */
public record AuditReport(
        boolean intact, long entriesChecked, int headsChecked, Long firstBrokenSeq, String problem) {}
