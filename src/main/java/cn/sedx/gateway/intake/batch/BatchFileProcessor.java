package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The thin adapter between the {@code batch-intake} route and {@link BatchIntake}: the submitting system is
 * the name of the inbox folder the file was dropped in; the outcome folder (processed or failed) goes into
 * the {@link BatchHeaders#OUTCOME} header, which the route's {@code move} option reads.
 */
@Component("batchFileProcessor")
class BatchFileProcessor {

    private final BatchIntake intake;

    BatchFileProcessor(BatchIntake intake) {
        this.intake = intake;
    }

    public void process(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        String system = file.getParent().getFileName().toString();
        BatchSummary summary = intake.process(file, system);
        exchange.getMessage().setHeader(BatchHeaders.OUTCOME, summary.outcome());
        exchange.getMessage().setBody(summary);
    }
}
