package cn.sedx.gateway.compliance;

import cn.sedx.gateway.compliance.ComplianceReport.UnassessedPerson;
import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.rectification.OrderQueries.OpenOrders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the compliance view counts of the campaign's other records in a region: who has passed an assessment
 * (training records), the open and overdue rectification orders and the agencies' reports per 6-digit region.
 *
 * @param passed        keys ({@link #key}) of the persons with a PASSED assessment for a unit
 * @param orders        per region, the orders open and overdue
 * @param agencyReports per region, the agencies' reports received
 */
record CampaignCounts(Set<String> passed, Map<String, OpenOrders> orders, Map<String, Long> agencyReports) {

    private static final int PAGE = 500;

    /** Reads the region's training records, a page at a time, for the persons who passed. */
    static Set<String> passed(MessageScan scan, ObjectMapper mapper, String region) {
        Set<String> passed = new HashSet<>();
        scan.forEach(cn.sedx.gateway.shared.MessageType.TRAINING_RECORD, region, ScanKey.START, null, PAGE, message -> {
            try {
                JsonNode record = mapper.readTree(message.payload());
                if ("PASSED".equals(record.at("/assessment/result").asText())) {
                    passed.add(key(message.unitUscc(), record.path("person")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("stored training record " + message.id() + " is not JSON", e);
            }
        });
        return passed;
    }

    /** A person of a unit: credit code, document type and number. */
    static String key(String uscc, JsonNode person) {
        return uscc + "|" + IdType.orDefault(idType(person)) + "|" + person.path("idNumber").asText();
    }

    /** The directors and officers of the units' newest filings who have no passed assessment, numbers masked. */
    List<UnassessedPerson> unassessed(List<UnitLedger> units) {
        List<UnassessedPerson> people = new ArrayList<>();
        for (UnitLedger unit : units) {
            for (JsonNode person : unit.assessable()) {
                if (!passed.contains(key(unit.uscc(), person))) {
                    IdType type = IdType.orDefault(idType(person));
                    people.add(new UnassessedPerson(unit.uscc(), unit.kind(), unit.name(),
                            person.path("role").asText(), person.path("name").asText(), type.name(),
                            type.mask(person.path("idNumber").asText())));
                }
            }
        }
        return people;
    }

    OpenOrders ordersOf(String region) {
        return orders.getOrDefault(region, new OpenOrders(0, 0));
    }

    /** The orders of every region under the prefix together. */
    OpenOrders ordersTotal() {
        return new OpenOrders(orders.values().stream().mapToInt(OpenOrders::open).sum(),
                orders.values().stream().mapToInt(OpenOrders::overdue).sum());
    }

    long agencyReportsOf(String region) {
        return agencyReports.getOrDefault(region, 0L);
    }

    long agencyReportsTotal() {
        return agencyReports.values().stream().mapToLong(Long::longValue).sum();
    }

    private static IdType idType(JsonNode person) {
        String type = person.path("idType").asText(null);
        return type == null ? null : IdType.valueOf(type);
    }
}
