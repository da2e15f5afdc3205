package cn.sedx.gateway.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The local PostgreSQL server as a benchmark sees it: its CPU (every {@code postgres} process's user and system
 * time, plus what the postmaster collected from backends that ended), and a clean database to start from.
 */
final class PostgresCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private PostgresCpu() {}

    /** Empties the benchmark database, so the gateway migrates it afresh. */
    static void clean(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).cleanDisabled(false).load().clean();
    }

    /** CPU milliseconds used so far by the PostgreSQL processes on this machine; 0 when none runs. */
    static double millis() {
        double ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!name.equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
