package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.intake.IntakeReceipt;
import cn.sedx.gateway.intake.IntakeService;
import cn.sedx.gateway.intake.Submission;
import cn.sedx.gateway.intake.SubmittedJson;
import cn.sedx.gateway.intake.xlsx.XlsxSettings;
import cn.sedx.gateway.validation.FilingValidator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the batch intake to the gateway's intake: records are submitted exactly like REST and SOAP filings. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    BatchIntake batchIntake(IntakeService intake, SubmittedJson json, FilingValidator validator,
            BatchSettings settings, XlsxSettings xlsx) {
        FilingSink sink = new FilingSink() {
            @Override
            public IntakeReceipt submit(Submission submission) {
                return intake.submit(submission);
            }

            @Override
            public List<Outcome> submitAll(List<Submission> submissions) {
                return intake.submitAll(submissions).stream()
                        .map(result -> new Outcome(result.receipt(), result.refusal())).toList();
            }

            @Override
            public List<cn.sedx.gateway.shared.Violation> check(Submission submission) {
                try {
                    return validator.validate(submission.type(), json.parse(submission.body())).errors();
                } catch (cn.sedx.gateway.shared.SedxException refusal) {
                    return refusal.violations();
                }
            }
        };
        return new BatchIntake(sink, settings, xlsx);
    }
}
