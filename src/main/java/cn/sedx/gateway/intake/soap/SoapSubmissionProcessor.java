package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.SubmitAgencyReport;
import cn.sedx.gateway.intake.soap.ws.SubmitAgencyReportResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitPersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.SubmitPersonnelFilingResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrder;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrderChange;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrderChangeResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitRectificationOrderResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitSafetyRecord;
import cn.sedx.gateway.intake.soap.ws.SubmitSafetyRecordResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitTrainingRecord;
import cn.sedx.gateway.intake.soap.ws.SubmitTrainingRecordResponse;
import cn.sedx.gateway.intake.soap.ws.SubmitYearEndReport;
import cn.sedx.gateway.intake.soap.ws.SubmitYearEndReportResponse;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.springframework.stereotype.Component;

/**
 * The thin adapter between the {@code soap-submission} route and {@link SoapIntake}: reads the operation and
 * its parameters from the CXF exchange (POJO mode: the body is the parameter list) and sets the answer. The
 * caller is the one the security filter chain authenticated for this HTTP request (bearer token or client
 * certificate); the endpoint is synchronous, so the route runs on the request's thread.
 */
@Component("soapSubmissionProcessor")
class SoapSubmissionProcessor {

    private final SoapIntake intake;

    SoapSubmissionProcessor(SoapIntake intake) {
        this.intake = intake;
    }

    /** SubmitPersonnelFiling, SubmitSafetyRecord, SubmitYearEndReport and the issue-16 types' operations. */
    public void submit(Exchange exchange) {
        List<?> parameters = exchange.getMessage().getBody(List.class);
        Object request = parameters.isEmpty() ? null : parameters.get(0);
        String key = parameters.size() > 1 ? (String) parameters.get(1) : null;
        String system = submitter();
        Object answer = switch (exchange.getMessage().getHeader(CxfConstants.OPERATION_NAME, String.class)) {
            case "SubmitPersonnelFiling" -> personnel((SubmitPersonnelFiling) request, key, system);
            case "SubmitSafetyRecord" -> safety((SubmitSafetyRecord) request, key, system);
            case "SubmitYearEndReport" -> report((SubmitYearEndReport) request, key, system);
            case "SubmitTrainingRecord" -> training((SubmitTrainingRecord) request, key, system);
            case "SubmitRectificationOrder" -> order((SubmitRectificationOrder) request, key, system);
            case "SubmitRectificationOrderChange" -> change((SubmitRectificationOrderChange) request, key, system);
            case "SubmitAgencyReport" -> agency((SubmitAgencyReport) request, key, system);
            default -> throw new IllegalArgumentException("not a submission operation");
        };
        exchange.getMessage().setBody(answer);
    }

    /** GetMessageStatus. */
    public void status(Exchange exchange) {
        List<?> parameters = exchange.getMessage().getBody(List.class);
        Caller caller = caller();
        String ownSystem = caller.isSystem() ? caller.id() : null;
        exchange.getMessage().setBody(intake.status(parameters.isEmpty() ? null : (String) parameters.get(0),
                ownSystem));
    }

    private SubmitPersonnelFilingResponse personnel(SubmitPersonnelFiling request, String key, String system) {
        SubmitPersonnelFilingResponse response = new SubmitPersonnelFilingResponse();
        response.setReceipt(intake.submit(MessageType.PERSONNEL_FILING, request == null ? null : request.getFiling(),
                key, system));
        return response;
    }

    private SubmitSafetyRecordResponse safety(SubmitSafetyRecord request, String key, String system) {
        SubmitSafetyRecordResponse response = new SubmitSafetyRecordResponse();
        response.setReceipt(intake.submit(MessageType.SAFETY_RECORD, request == null ? null : request.getRecord(),
                key, system));
        return response;
    }

    private SubmitYearEndReportResponse report(SubmitYearEndReport request, String key, String system) {
        SubmitYearEndReportResponse response = new SubmitYearEndReportResponse();
        response.setReceipt(intake.submit(MessageType.YEAR_END_REPORT, request == null ? null : request.getReport(),
                key, system));
        return response;
    }

    private SubmitTrainingRecordResponse training(SubmitTrainingRecord request, String key, String system) {
        SubmitTrainingRecordResponse response = new SubmitTrainingRecordResponse();
        response.setReceipt(intake.submit(MessageType.TRAINING_RECORD, request == null ? null : request.getRecord(),
                key, system));
        return response;
    }

    private SubmitRectificationOrderResponse order(SubmitRectificationOrder request, String key, String system) {
        SubmitRectificationOrderResponse response = new SubmitRectificationOrderResponse();
        response.setReceipt(intake.submit(MessageType.RECTIFICATION_ORDER, request == null ? null : request.getOrder(),
                key, system));
        return response;
    }

    private SubmitRectificationOrderChangeResponse change(SubmitRectificationOrderChange request, String key,
            String system) {
        SubmitRectificationOrderChangeResponse response = new SubmitRectificationOrderChangeResponse();
        response.setReceipt(intake.submit(MessageType.RECTIFICATION_ORDER_CHANGE,
                request == null ? null : request.getChange(), key, system));
        return response;
    }

    private SubmitAgencyReportResponse agency(SubmitAgencyReport request, String key, String system) {
        SubmitAgencyReportResponse response = new SubmitAgencyReportResponse();
        response.setReceipt(intake.submit(MessageType.AGENCY_REPORT, request == null ? null : request.getReport(),
                key, system));
        return response;
    }

    /** Only submitting systems submit; operators and auditors read. */
    private static String submitter() {
        Caller caller = caller();
        if (!caller.isSystem()) {
            throw refusal(ErrorCode.FORBIDDEN, "只有报送系统可以报送", "only submitting systems may submit");
        }
        return caller.id();
    }

    private static Caller caller() {
        return Callers.current().orElseThrow(() -> refusal(ErrorCode.UNAUTHENTICATED,
                "须以令牌 (Authorization: Bearer) 或客户端证书认证", "authenticate with a bearer token or a client certificate"));
    }

    private static SedxException refusal(ErrorCode code, String zh, String en) {
        return SedxException.at(code, "", zh, en);
    }
}
