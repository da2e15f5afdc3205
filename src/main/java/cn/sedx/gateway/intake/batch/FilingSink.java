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

    /** The errors a submission would be refused for, without storing anything (all-or-nothing first pass). */
    List<Violation> check(Submission submission);
}
