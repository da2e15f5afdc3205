package cn.sedx.gateway.agency;

import cn.sedx.gateway.messagestore.MessagePage;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.StoredMessage;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SubmissionAuthorizer;
import cn.sedx.gateway.security.SystemKind;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.shared.QueryParameters;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies' reports for those who act on them. {@code GET /api/v1/agency-reports[?region=440106]}: a REGULATOR system
 * reads the reports of units in its jurisdiction (the region defaults to it; one outside it answers 403
 * OUT_OF_JURISDICTION); operators and auditors read any region. {@code GET /api/v1/agency-reports/{id}}: one report as
 * filed, attachments included, for a regulator whose jurisdiction holds the unit, the agency that filed it, operators
 * and auditors; for other systems it does not exist (404). Any other system (a unit's or a licensing system) is
 * refused both (403): agencies' reports about units are for their regulators.
 */
@RestController
@RequestMapping(path = "/api/v1/agency-reports", produces = MediaType.APPLICATION_JSON_VALUE)
class AgencyReportController {

    private static final int MAX_PAGE_SIZE = 50;

    private final MessageStore store;
    private final SystemRegistry systems;
    private final SubmissionAuthorizer authorizer;
    private final ObjectMapper mapper;

    AgencyReportController(MessageStore store, SystemRegistry systems, SubmissionAuthorizer authorizer,
            ObjectMapper mapper) {
        this.store = store;
        this.systems = systems;
        this.authorizer = authorizer;
        this.mapper = mapper;
    }

    /**
     * One report in a listing: what was found, without the files (their names only).
     *
     * @param report the canonical report with each attachment's {@code contentBase64} left out and its descriptions
     *     masked ({@link PersonalDataMask})
     */
    record Summary(String messageId, Instant receivedAt, String state, String submittingSystem, String unitUscc,
            String regionCode, JsonNode report) {}

    /** One page of summaries, newest first. */
    record SummaryPage(List<Summary> items, int page, int size, long total) {}

    /** One report as filed. */
    record Report(String messageId, Instant receivedAt, String state, String submittingSystem, String unitUscc,
            String regionCode, JsonNode report) {}

    @GetMapping
    SummaryPage list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) throws IOException {
        QueryParameters.page(page, size, MAX_PAGE_SIZE);
        QueryParameters.regionPrefix(region);
        Optional<String> regulator = regulator();
        String area = region;
        if (regulator.isPresent()) {
            area = region != null ? region : systems.find(regulator.get()).orElseThrow().jurisdiction();
            authorizer.checkRegion(regulator.get(), area, "region");
        }
        MessagePage found = store.searchInRegion(MessageType.AGENCY_REPORT, area, page, size);
        List<Summary> items = new ArrayList<>();
        for (StoredMessage message : found.items()) {
            JsonNode report = summary(payload(message));
            items.add(new Summary(message.id(), message.receivedAt(), message.state().name(),
                    message.submittingSystem(), message.unitUscc(), message.regionCode(), report));
        }
        return new SummaryPage(items, found.page(), found.size(), found.total());
    }

    @GetMapping("/{id}")
    Report report(@PathVariable String id) throws IOException {
        Optional<Caller> caller = Callers.current().filter(Caller::isSystem);
        if (caller.isPresent() && systems.kindOf(caller.get().id()).orElse(null) == SystemKind.LOCAL) {
            throw forbidden();
        }
        StoredMessage message = store.find(id)
                .filter(found -> found.type() == MessageType.AGENCY_REPORT)
                .filter(found -> caller.map(c -> c.id().equals(found.submittingSystem())
                        || authorizer.covers(c.id(), found.regionCode()) && isRegulator(c.id())).orElse(true))
                .orElseThrow(() -> SedxException.refused(ErrorCode.MESSAGE_NOT_FOUND, "no report " + id,
                        List.of(Violation.of(ErrorCode.MESSAGE_NOT_FOUND, "id"))));
        return new Report(message.id(), message.receivedAt(), message.state().name(), message.submittingSystem(),
                message.unitUscc(), message.regionCode(), payload(message));
    }

    /** The calling regulator's id; empty for operators and auditors; refused for any other system. */
    private Optional<String> regulator() {
        Optional<Caller> caller = Callers.current().filter(Caller::isSystem);
        if (caller.isPresent() && !isRegulator(caller.get().id())) {
            throw forbidden();
        }
        return caller.map(Caller::id);
    }

    private boolean isRegulator(String system) {
        return systems.kindOf(system).orElse(null) == SystemKind.REGULATOR;
    }

    /** The report without its files' content, free text masked (a listing is a view, not the document). */
    private static JsonNode summary(JsonNode report) {
        report.path("attachments").forEach(file -> ((ObjectNode) file).remove("contentBase64"));
        mask((ObjectNode) report);
        report.path("failings").forEach(failing -> mask((ObjectNode) failing));
        return report;
    }

    private static void mask(ObjectNode node) {
        JsonNode description = node.get("description");
        if (description != null && description.isTextual()) {
            node.put("description", PersonalDataMask.text(description.asText()));
        }
    }

    private JsonNode payload(StoredMessage message) throws IOException {
        return mapper.readTree(store.payload(message.id()).orElseThrow());
    }

    private static SedxException forbidden() {
        return SedxException.refused(ErrorCode.FORBIDDEN, "agency reports are for regulators",
                List.of(Violation.of(ErrorCode.FORBIDDEN, "", "机构报告仅供属地监管部门查阅",
                        "agencies' reports are for the units' regulators")));
    }
}
