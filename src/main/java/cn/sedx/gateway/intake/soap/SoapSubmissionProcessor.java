package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.Receipt;
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
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The thin adapter between the {@code soap-submission} route, which dispatches each operation to its method here,
 * and {@link SoapIntake}: reads the operation's parameters from the CXF exchange (POJO mode: the body is the
 * parameter list) and sets the answer. The
 * caller is the one the security filter chain authenticated for this HTTP request (bearer token or client
 * certificate); the endpoint is synchronous, so the route runs on the request's thread.
 */
@Component("soapSubmissionProcessor")
class SoapSubmissionProcessor {

    private final SoapIntake intake;

    SoapSubmissionProcessor(SoapIntake intake) {
        this.intake = intake;
    }

    /** SubmitPersonnelFiling. */
    public void personnelFiling(Exchange exchange) {
        SubmitPersonnelFilingResponse response = new SubmitPersonnelFilingResponse();
        response.setReceipt(submit(exchange, MessageType.PERSONNEL_FILING, SubmitPersonnelFiling.class,
                SubmitPersonnelFiling::getFiling));
        exchange.getMessage().setBody(response);
    }

    /** SubmitSafetyRecord. */
    public void safetyRecord(Exchange exchange) {
        SubmitSafetyRecordResponse response = new SubmitSafetyRecordResponse();
        response.setReceipt(submit(exchange, MessageType.SAFETY_RECORD, SubmitSafetyRecord.class,
                SubmitSafetyRecord::getRecord));
        exchange.getMessage().setBody(response);
    }

    /** SubmitYearEndReport. */
    public void yearEndReport(Exchange exchange) {
        SubmitYearEndReportResponse response = new SubmitYearEndReportResponse();
        response.setReceipt(submit(exchange, MessageType.YEAR_END_REPORT, SubmitYearEndReport.class,
                SubmitYearEndReport::getReport));
        exchange.getMessage().setBody(response);
    }

    /** SubmitTrainingRecord. */
    public void trainingRecord(Exchange exchange) {
        SubmitTrainingRecordResponse response = new SubmitTrainingRecordResponse();
        response.setReceipt(submit(exchange, MessageType.TRAINING_RECORD, SubmitTrainingRecord.class,
                SubmitTrainingRecord::getRecord));
        exchange.getMessage().setBody(response);
    }

    /** SubmitRectificationOrder. */
    public void rectificationOrder(Exchange exchange) {
        SubmitRectificationOrderResponse response = new SubmitRectificationOrderResponse();
        response.setReceipt(submit(exchange, MessageType.RECTIFICATION_ORDER, SubmitRectificationOrder.class,
                SubmitRectificationOrder::getOrder));
        exchange.getMessage().setBody(response);
    }

    /** SubmitRectificationOrderChange. */
    public void rectificationOrderChange(Exchange exchange) {
        SubmitRectificationOrderChangeResponse response = new SubmitRectificationOrderChangeResponse();
        response.setReceipt(submit(exchange, MessageType.RECTIFICATION_ORDER_CHANGE,
                SubmitRectificationOrderChange.class, SubmitRectificationOrderChange::getChange));
        exchange.getMessage().setBody(response);
    }

    /** SubmitAgencyReport. */
    public void agencyReport(Exchange exchange) {
        SubmitAgencyReportResponse response = new SubmitAgencyReportResponse();
        response.setReceipt(submit(exchange, MessageType.AGENCY_REPORT, SubmitAgencyReport.class,
                SubmitAgencyReport::getReport));
        exchange.getMessage().setBody(response);
    }

    /** GetMessageStatus. */
    public void status(Exchange exchange) {
        List<?> parameters = exchange.getMessage().getBody(List.class);
        Caller caller = caller();
        String ownSystem = caller.isSystem() ? caller.id() : null;
        exchange.getMessage().setBody(intake.status(parameters.isEmpty() ? null : (String) parameters.get(0),
                ownSystem));
    }

    /**
     * Submits the filing of a submission operation: the parameters are the request wrapper and the idempotency key
     * (CXF's POJO mode); a missing wrapper submits nothing, which the intake refuses.
     */
    private <T> Receipt submit(Exchange exchange, MessageType type, Class<T> requestType, Function<T, ?> filing) {
        List<?> parameters = exchange.getMessage().getBody(List.class);
        T request = parameters.isEmpty() ? null : requestType.cast(parameters.get(0));
        String key = parameters.size() > 1 ? (String) parameters.get(1) : null;
        String system = submitter();
        return intake.submit(type, request == null ? null : filing.apply(request), key, system);
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
