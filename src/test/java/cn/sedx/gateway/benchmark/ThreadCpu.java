package cn.sedx.gateway.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of another process's threads, read from Linux's {@code /proc/<pid>/task/<tid>/stat}, grouped by thread
 * name with the digits taken out ({@code http-nio-8080-exec-3} and {@code -exec-7} count together). Two snapshots
 * give where the process spent its CPU between them; threads that ended in between are not counted.
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {}

    /** CPU milliseconds by thread id, with each thread's name: {@code tid -> [name, ms]}. */
    static Map<String, Map.Entry<String, Double>> snapshot(long pid) {
        Map<String, Map.Entry<String, Double>> threads = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the name is in parentheses and may itself hold spaces and parentheses
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
                    threads.put(task.getFileName().toString(), Map.entry(name, ms));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of " + pid, e);
        }
        return threads;
    }

    /** CPU milliseconds spent between two snapshots, by thread group, largest first. */
    static Map<String, Double> between(Map<String, Map.Entry<String, Double>> before,
            Map<String, Map.Entry<String, Double>> after) {
        Map<String, Double> groups = new TreeMap<>();
        after.forEach((tid, thread) -> {
            Map.Entry<String, Double> earlier = before.get(tid);
            double spent = thread.getValue() - (earlier == null ? 0 : earlier.getValue());
            groups.merge(group(thread.getKey()), spent, Double::sum);
        });
        return groups.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String group(String name) {
        return name.replaceAll("[0-9#]+", "").replaceAll("[-_ ]+$", "");
    }
}
