package cn.sedx.gateway.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link StartupRefused} as its list of problems, without a stack trace. */
class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "逐条改正上面列出的设置后重新启动 / Correct each setting named above and"
                + " start again (docs/install.md, docs/configuration.md).", cause);
    }
}
