package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;

/** Where batch records go: the intake in the gateway, a counting stand-in in the volume test. */
interface FilingSink {

    /**
     * Validates and stores one record, as {@code IntakeService#submit} does.
     *
     * @throws SedxException listing every violation when the record is refused
     */
    IntakeReceipt submit(Submission submission);

    /**
     * Validates and stores several records, each accepted or refused on its own, as {@link #submit} one after the
     * other would; an implementation may commit them together. On return every accepted one is stored.
     *
     * @return for each submission, in order, its receipt or its refusal
     */
    default List<Outcome> submitAll(List<Submission> submissions) {
        return submissions.stream().map(submission -> {
            try {
                return Outcome.accepted(submit(submission));
            } catch (SedxException refusal) {
                return Outcome.refused(refusal);
            }
        }).toList();
    }

    /**
     * What became of one submission.
     *
     * @param receipt the receipt of an accepted one, else null
     * @param refusal the refusal of a refused one, else null
     */
    record Outcome(IntakeReceipt receipt, SedxException refusal) {

        static Outcome accepted(IntakeReceipt receipt) {
            return new Outcome(receipt, null);
        }

        static Outcome refused(SedxException refusal) {
            return new Outcome(null, refusal);
        }
    }

    /** The errors a submission would be refused for, without storing anything (all-or-nothing first pass). */
    List<Violation> check(Submission submission);
}
