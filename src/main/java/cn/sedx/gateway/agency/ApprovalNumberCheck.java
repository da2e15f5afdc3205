package cn.sedx.gateway.agency;

import cn.sedx.gateway.intake.AcceptanceStep;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.model.AgencyReport;
import cn.sedx.gateway.security.SecuritySettings.SystemSettings;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An agency reports in its own name: the report's {@code agency.approvalNumber} must be the approval number
 * registered for the submitting system ({@code sedx.security.systems.<id>.approval-number}), else the report is
 * refused (APPROVAL_NUMBER_MISMATCH) and nothing is stored.
 */
@Component
class ApprovalNumberCheck implements AcceptanceStep {

    private final SystemRegistry systems;

    ApprovalNumberCheck(SystemRegistry systems) {
        this.systems = systems;
    }

    @Override
    public boolean handles(MessageType type) {
        return type == MessageType.AGENCY_REPORT;
    }

    @Override
    public void accepted(StoredMessage message, Object filing) {
        String claimed = ((AgencyReport) filing).agency().approvalNumber();
        String registered = systems.find(message.submittingSystem()).map(SystemSettings::approvalNumber).orElse(null);
        if (!claimed.equals(registered)) {
            throw SedxException.refused(ErrorCode.APPROVAL_NUMBER_MISMATCH, "approval number mismatch",
                    List.of(Violation.of(ErrorCode.APPROVAL_NUMBER_MISMATCH, "/agency/approvalNumber",
                            "报告中的核准证号不是本系统登记的 " + registered,
                            "the report's approval number is not this system's registered " + registered)));
        }
    }
}
