package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.signing.ExchangePackageWriter;
import cn.sedx.gateway.signing.SigningKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the upload feature; the routes in {@code routes/upload.camel.yaml} call {@code uploadLauncher} and
 * {@code uploadSettlement}.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    TransactionTemplate uploadTransactions(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    @Bean
    ChunkProducer chunkProducer(MessageScan scan, ExchangePackageWriter writer, SigningKeys keys, ObjectMapper mapper,
            UploadSettings settings, Clock clock) {
        return new ChunkProducer(scan, new ChunkPackager(writer, keys, settings, clock), mapper, settings, clock);
    }

    @Bean
    UploadSettlement uploadSettlement(UploadRuns runs, TransactionTemplate uploadTransactions, UploadSettings settings,
            Clock clock) {
        return new UploadSettlement(runs, uploadTransactions, settings, clock);
    }

    @Bean
    PersonnelUpload personnelUpload(UploadRuns runs, MessageScan scan, ChunkProducer producer, MessageStore store,
            UploadSettlement settlement, TransactionTemplate uploadTransactions, UploadSettings settings,
            Clock clock) {
        ChunkRecorder recorder = new ChunkRecorder(store, runs, uploadTransactions, settings, clock);
        return new PersonnelUpload(runs, scan, producer, recorder, settlement, uploadTransactions, settings, clock);
    }

    @Bean(destroyMethod = "close")
    UploadLauncher uploadLauncher(PersonnelUpload upload) {
        return new UploadLauncher(upload);
    }
}
