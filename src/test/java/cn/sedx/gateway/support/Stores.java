package cn.sedx.gateway.support;

import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.PayloadCipher;
import cn.sedx.gateway.messagestore.RowClaims;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The message store on a migrated test database, without Spring, as the store's and the features' tests use it. */
public final class Stores {

    private Stores() {}

    /** A store writing to {@code dataSource}, publishing its state changes to {@code events}. */
    public static MessageStore messageStore(DataSource dataSource, Clock clock, ApplicationEventPublisher events) {
        return messageStore(dataSource, clock, events, StoreCiphers.TEST);
    }

    /** As {@link #messageStore(DataSource, Clock, ApplicationEventPublisher)}, sealing payloads with {@code cipher}. */
    public static MessageStore messageStore(DataSource dataSource, Clock clock, ApplicationEventPublisher events,
            PayloadCipher cipher) {
        return new MessageStore(JdbcClient.create(dataSource), clock, events, new RowClaims(dataSource),
                new DataSourceTransactionManager(dataSource), cipher);
    }
}
