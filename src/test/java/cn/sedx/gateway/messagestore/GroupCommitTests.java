package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on a real (H2) database: writes that arrive during a commit share the next one, failures stay alone. */
class GroupCommitTests {

    private final DataSource dataSource = new DriverManagerDataSource(TestDatabases.h2Url(), "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final AtomicInteger commits = new AtomicInteger();
    private final TransactionTemplate counted = new TransactionTemplate(new DataSourceTransactionManager(dataSource) {
        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            super.doCommit(status);
            commits.incrementAndGet();
        }
    });
    private final GroupCommit group = new GroupCommit(counted, 64, Duration.ZERO);
    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    GroupCommitTests() {
        jdbc.sql("CREATE TABLE t (k INT PRIMARY KEY)").update();
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void writesThatArriveDuringACommitShareTheNextOne() throws Exception {
        List<Future<Integer>> written = writeWhileTheFirstCommitWaits(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        for (Future<Integer> future : written) {
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Integer.class).single()).isEqualTo(11);
        assertThat(commits.get()).as("the first write's commit, then one for the ten that waited").isEqualTo(2);
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsGroupAreCommitted() throws Exception {
        // key 0 is the first write's own: the fourth of the group repeats it
        List<Future<Integer>> written = writeWhileTheFirstCommitWaits(List.of(1, 2, 3, 0, 5, 6));

        for (int i = 0; i < written.size(); i++) {
            Future<Integer> future = written.get(i);
            if (i == 3) {
                assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                        .havingCause().isInstanceOf(DuplicateKeyException.class);
            } else {
                assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
        assertThat(jdbc.sql("SELECT k FROM t ORDER BY k").query(Integer.class).list())
                .containsExactly(0, 1, 2, 3, 5, 6);
    }

    @Test
    void aCommitWaitsForACallerOnItsWayAndBothShareIt() throws Exception {
        GroupCommit lingering = new GroupCommit(counted, 64, Duration.ofSeconds(30));
        CountDownLatch expected = new CountDownLatch(1);
        CountDownLatch write = new CountDownLatch(1);
        Future<Integer> late = callers.submit(() -> {
            try (MessageStore.Expected promise = lingering.expect()) {
                expected.countDown();
                awaitLatch(write);
                return lingering.commit(() -> insert(2));
            }
        });
        assertThat(expected.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> early = callers.submit(() -> lingering.commit(() -> insert(1)));

        // the early write's commit waits for the caller on its way instead of committing alone
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !early.isDone());
        assertThat(commits.get()).isZero();
        write.countDown();
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(late.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(commits.get()).as("one commit for both").isEqualTo(1);
        assertThat(jdbc.sql("SELECT k FROM t ORDER BY k").query(Integer.class).list()).containsExactly(1, 2);
    }

    @Test
    void aCallerThatGivesUpReleasesTheCommitWaitingForIt() throws Exception {
        GroupCommit lingering = new GroupCommit(counted, 64, Duration.ofSeconds(30));
        MessageStore.Expected refused = callers.submit(lingering::expect).get(10, TimeUnit.SECONDS);
        // expect() is per thread: the promise was made on a caller's thread; give it up from there
        Future<Integer> written = callers.submit(() -> lingering.commit(() -> insert(1)));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !written.isDone());

        refused.close();

        assertThat(written.get(10, TimeUnit.SECONDS)).as("committed long before the 30 s linger").isEqualTo(1);
        assertThat(commits.get()).isEqualTo(1);
    }

    @Test
    void theLingerBoundsTheWaitForACallerThatNeverComes() throws Exception {
        GroupCommit lingering = new GroupCommit(counted, 64, Duration.ofMillis(300));
        callers.submit(lingering::expect).get(10, TimeUnit.SECONDS);

        long started = System.nanoTime();
        assertThat(callers.submit(() -> lingering.commit(() -> insert(1))).get(10, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(commits.get()).isEqualTo(1);
    }

    @Test
    void aLoneExpectedCallerCommitsWithoutWaiting() throws Exception {
        GroupCommit lingering = new GroupCommit(counted, 64, Duration.ofSeconds(30));
        Future<Integer> alone = callers.submit(() -> {
            try (MessageStore.Expected promise = lingering.expect()) {
                return lingering.commit(() -> insert(1));
            }
        });

        assertThat(alone.get(10, TimeUnit.SECONDS)).as("well within the 30 s linger").isEqualTo(1);
        assertThat(commits.get()).isEqualTo(1);
    }

    /** A first write of key 0 holds its transaction open until every one of {@code keys} is queued behind it. */
    private List<Future<Integer>> writeWhileTheFirstCommitWaits(List<Integer> keys) throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> group.commit(() -> {
            firstRunning.countDown();
            awaitLatch(othersQueued);
            return insert(0);
        }));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int key : keys) {
            others.add(callers.submit(() -> group.commit(() -> insert(key))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.queued() == keys.size());
        othersQueued.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        return others;
    }

    private int insert(int key) {
        return jdbc.sql("INSERT INTO t (k) VALUES (?)").param(key).update();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
