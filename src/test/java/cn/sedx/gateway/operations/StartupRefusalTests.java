package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.support.FreshDataDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A gateway that cannot start says why in one report, before it makes a single bean, with no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTests {

    @Test
    void namesAMissingFileWithItsPathAndItsSettingInOneLine(CapturedOutput output) {
        Path missing = FreshDataDirectory.folder("no-such").resolve("gateway.p12");

        assertThatThrownBy(() -> start("--sedx.signing.keys.extra.location=file:" + missing,
                "--sedx.signing.keys.extra.password=whatever"))
                .isInstanceOf(StartupRefused.class)
                .satisfies(e -> assertThat(((StartupRefused) e).problems()).containsExactly(
                        "文件不存在 / file not found: " + missing + " (setting sedx.signing.keys.extra.location)"));

        assertThat(output).contains("APPLICATION FAILED TO START", "file not found: " + missing)
                .doesNotContain("\tat cn.sedx", "BeanCreationException");
    }

    @Test
    void refusesAnUnsafeProductionStartWithEveryProblemInOneMessage(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=production"))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("网关拒绝启动")
                .hasMessageContaining("no signing key is configured")
                .hasMessageContaining("the trust store")
                .hasMessageContaining("province-44 (/sim/provincial/province-44)")
                .hasMessageContaining("the listener is plain HTTP");

        assertThat(output).doesNotContain("Tomcat initialized", "HikariPool-1 - Start");
    }

    private static void start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "--server.port=0";
        all[arguments.length + 1] = "--sedx.data-dir=" + FreshDataDirectory.folder("refused");
        SpringApplication.run(SedxApplication.class, all).close();
    }
}
