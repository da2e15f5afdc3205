package cn.sedx.gateway.report;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StateChange;
import cn.sedx.gateway.report.ReportSettings.Organisation;
import cn.sedx.gateway.report.YearEndStatus.Entry;
import cn.sedx.gateway.report.YearEndStatus.Status;
import cn.sedx.gateway.report.YearEndStatus.Summary;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The year-end report follow-up: for each configured organisation, the state of its newest report of a year
 * (matched by the issuer's USCC and the report's {@code year}), every version, and whether it is late.
 */
@Service
public class YearEndReports {

    private static final int PAGE = 50;

    private final MessageScan scan;
    private final MessageStore store;
    private final ReportSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;

    public YearEndReports(MessageScan scan, MessageStore store, ReportSettings settings, ObjectMapper mapper,
            Clock clock) {
        this.scan = scan;
        this.store = store;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    public YearEndStatus status(int year) {
        LocalDate deadline = settings.yearEnd().deadlineDay().atYear(year);
        Instant due = deadline.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        Map<String, List<Scanned>> versions = versionsOf(year);
        List<Entry> entries = new ArrayList<>();
        for (Organisation organisation : settings.yearEnd().organisations()) {
            entries.add(entry(organisation, versions.getOrDefault(organisation.uscc(), List.of()), due));
        }
        return new YearEndStatus(year, deadline, summary(entries), entries);
    }

    private Map<String, List<Scanned>> versionsOf(int year) {
        Map<String, List<Scanned>> byIssuer = new HashMap<>();
        scan.forEach(MessageType.YEAR_END_REPORT, "", ScanKey.START, null, PAGE, message -> {
            if (yearOf(message) == year) {
                byIssuer.computeIfAbsent(message.unitUscc(), k -> new ArrayList<>()).add(message);
            }
        });
        return byIssuer;
    }

    private Entry entry(Organisation organisation, List<Scanned> versions, Instant due) {
        if (versions.isEmpty()) {
            return new Entry(organisation.name(), organisation.uscc(), Status.NOT_SENT, null, List.of(), null,
                    clock.instant().isAfter(due), null);
        }
        Scanned newest = versions.get(versions.size() - 1);
        Instant first = versions.get(0).key().receivedAt();
        Status status = status(newest.state());
        String reason = status == Status.RETURNED ? returnedReason(newest.id()) : null;
        return new Entry(organisation.name(), organisation.uscc(), status, newest.id(),
                versions.stream().map(Scanned::id).toList(), first, first.isAfter(due), reason);
    }

    private String returnedReason(String messageId) {
        List<StateChange> history = store.history(messageId);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).state() == MessageState.RETURNED) {
                return history.get(i).detail();
            }
        }
        return null;
    }

    static Status status(MessageState state) {
        return switch (state) {
            case ACKNOWLEDGED -> Status.ACKNOWLEDGED;
            case SIGNED_FOR -> Status.SIGNED_FOR;
            case RETURNED -> Status.RETURNED;
            case FAILED -> Status.FAILED;
            case RECEIVED, QUEUED, SENT, REPLAYED -> Status.SENT;
        };
    }

    private static Summary summary(List<Entry> entries) {
        Map<Status, Integer> counts = new HashMap<>();
        entries.forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        int late = (int) entries.stream().filter(Entry::late).count();
        return new Summary(entries.size(), counts.getOrDefault(Status.NOT_SENT, 0),
                counts.getOrDefault(Status.SENT, 0), counts.getOrDefault(Status.ACKNOWLEDGED, 0),
                counts.getOrDefault(Status.SIGNED_FOR, 0), counts.getOrDefault(Status.RETURNED, 0),
                counts.getOrDefault(Status.FAILED, 0), late);
    }

    private int yearOf(Scanned message) {
        try {
            JsonNode report = mapper.readTree(message.payload());
            return report.path("year").asInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("stored report " + message.id() + " is not JSON", e);
        }
    }
}
