package cn.sedx.gateway.upload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerFactory;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every {@code quartz:} route of the gateway (the upload schedule, the audit head signature) on a Quartz
 * scheduler with a clustered JDBC job store in the gateway's own database: all nodes sharing the database form
 * one cluster, each fire runs on one node, and a fire missed while every node was down runs once at start-up.
 * The same store serves the single embedded node on H2.
 */
@Configuration(proxyBeanMethods = false)
class ClusteredScheduler {

    @Bean
    ComponentCustomizer clusteredQuartz(DataSource dataSource, UploadSettings settings) {
        return ComponentCustomizer.forType(QuartzComponent.class,
                component -> component.setSchedulerFactory(new Factory(dataSource, settings.scheduler())));
    }

    /**
     * Makes a scheduler on the gateway's data source. Quartz keeps schedulers in a JVM-wide registry by name;
     * every node of a cluster carries the same name, so the registry entry is dropped once the scheduler exists
     * (as Spring's SchedulerFactoryBean does), letting two nodes share one JVM in tests.
     */
    static final class Factory implements SchedulerFactory {

        private final DataSource dataSource;
        private final UploadSettings.Scheduler settings;

        Factory(DataSource dataSource, UploadSettings.Scheduler settings) {
            this.dataSource = dataSource;
            this.settings = settings;
        }

        @Override
        public Scheduler getScheduler() throws SchedulerException {
            String source = "sedx-" + UUID.randomUUID();
            DBConnectionManager.getInstance().addConnectionProvider(source, new Connections(dataSource));
            SchedulerRepository repository = SchedulerRepository.getInstance();
            synchronized (repository) {
                Scheduler scheduler = new StdSchedulerFactory(properties(source)).getScheduler();
                repository.remove(settings.instanceName());
                return scheduler;
            }
        }

        private Properties properties(String source) {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", settings.instanceName());
            p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            // H2 runs in PostgreSQL mode, so one delegate serves both databases
            p.setProperty("org.quartz.jobStore.driverDelegateClass",
                    "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", source);
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                    Long.toString(settings.checkinInterval().toMillis()));
            p.setProperty("org.quartz.jobStore.misfireThreshold",
                    Long.toString(settings.misfireThreshold().toMillis()));
            return p;
        }

        @Override
        public Scheduler getScheduler(String name) {
            return null;
        }

        @Override
        public java.util.Collection<Scheduler> getAllSchedulers() {
            return java.util.List.of();
        }
    }

    /** Hands Quartz connections of the gateway's pool. */
    private record Connections(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Spring
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
