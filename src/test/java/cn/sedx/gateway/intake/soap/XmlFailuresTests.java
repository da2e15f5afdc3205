package cn.sedx.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.sql.SQLException;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class XmlFailuresTests {

    @Test
    void aDatabaseThatCannotBeReachedIsARetryableReceiverFaultNotAnInternalError() {
        Exception failure = new Fault(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        SedxException refusal = XmlFailures.classify(failure);

        assertThat(refusal.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(refusal.code().recoverable()).isTrue();
        SoapFault fault = SoapFaults.of(refusal, "SubmitPersonnelFiling", Soap12.getInstance());
        assertThat(fault.getFaultCode()).isEqualTo(Soap12.getInstance().getReceiver());
        assertThat(fault.getMessage()).doesNotContain("127.0.0.1").doesNotContain("5432");
    }

    @Test
    void anyOtherUnknownFailureStaysAnInternalError() {
        assertThat(XmlFailures.classify(new Fault(new IllegalStateException("boom"))).code())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
