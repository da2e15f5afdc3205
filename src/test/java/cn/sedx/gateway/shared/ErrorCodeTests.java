package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorCodeTests {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void everyCodeHasAChineseAndAnEnglishMessage() {
        assertThat(ErrorCode.values()).allSatisfy(code -> {
            assertThat(code.messageZh()).as(code.name()).containsPattern(CHINESE);
            // English with at most a Chinese term beside it, such as 签发人
            assertThat(code.messageEn()).as(code.name()).matches("[A-Z][\\x20-\\x7e]+(\\(\\p{IsHan}+\\))?");
        });
    }

    @Test
    void everyCodeAnswersWithAnErrorStatus() {
        assertThat(ErrorCode.values())
                .allSatisfy(code -> assertThat(code.status()).as(code.name()).isBetween(400, 599));
    }

    @Test
    void theSoapFaultBlamesTheGatewayExactlyWhenTheStatusOrARetrySaysItIsNotTheSender() {
        assertThat(ErrorCode.values()).allSatisfy(code -> assertThat(code.faultSide()).as(code.name())
                .isEqualTo(code.status() >= 500 || code.recoverable()
                        ? ErrorCode.FaultSide.RECEIVER : ErrorCode.FaultSide.SENDER));
        assertThat(ErrorCode.SIGNING_KEY_UNAVAILABLE.faultSide()).isEqualTo(ErrorCode.FaultSide.RECEIVER);
        assertThat(ErrorCode.ID_NUMBER_CHECKSUM.faultSide()).isEqualTo(ErrorCode.FaultSide.SENDER);
    }

    @Test
    void aRefusalIsRecoverableExactlyWhenItsCodeIs() {
        assertThat(ErrorCode.values()).allSatisfy(code -> {
            assertThat(new SedxException(code, "detail").recoverable()).as(code.name()).isEqualTo(code.recoverable());
            assertThat(SedxException.at(code, "/x", "细节", "detail").recoverable()).isEqualTo(code.recoverable());
        });
    }

    @Test
    void everyCodeIsRaisedSomewhereInTheGateway() throws IOException {
        String sources = mainSources();
        List<String> unused = Arrays.stream(ErrorCode.values()).map(ErrorCode::name)
                .filter(name -> !Pattern.compile("\\b" + name + "\\b").matcher(sources).find())
                .toList();
        assertThat(unused).as("codes no main source, route or resource names").isEmpty();
    }

    /** Everything under src/main and routes/ but the enum itself, which names every code. */
    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path root : List.of(Path.of("src/main"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> !file.endsWith(Path.of("shared", "ErrorCode.java")))
                        .filter(file -> file.toString().matches(".*\\.(java|yaml|properties|html)"))
                        .forEach(file -> all.append(read(file)).append('\n'));
            }
        }
        assertThat(all).as("main sources found").contains("class SedxException");
        return all.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
