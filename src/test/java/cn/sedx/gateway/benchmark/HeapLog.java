package cn.sedx.gateway.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The largest heap a gateway used, from its unified GC log ({@code -Xlog:gc:file=...}). */
final class HeapLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private HeapLog() {}

    /** "before a GC at most X MiB, after at most Y MiB, of Z MiB", or "no GC logged". */
    static String largest(Path log) {
        long before = 0;
        long after = 0;
        long capacity = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher pause = PAUSE.matcher(line);
                if (pause.find()) {
                    before = Math.max(before, Long.parseLong(pause.group(1)));
                    after = Math.max(after, Long.parseLong(pause.group(2)));
                    capacity = Math.max(capacity, Long.parseLong(pause.group(3)));
                }
            }
        } catch (IOException e) {
            return "no GC log (" + e.getMessage() + ")";
        }
        return before == 0 ? "no GC logged" : String.format("%d MiB after, %d MiB before a GC (heap %d MiB)", after,
                before, capacity);
    }
}
