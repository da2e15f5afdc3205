package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configured destinations and the routing rule: personnel filings, safety records, training records and
 * rectification orders (and their changes) go to the provincial platform of the unit's province; a year-end report
 * goes to the document exchange (主送) and to every copy recipient (抄送) that names a configured destination; a chunk
 * of the national personnel upload (PERSONNEL_BATCH) goes to every national platform; an agency's report goes to
 * the unit's local regulator (the LOCAL_REGULATOR with the longest region prefix). Plain Java, thread-safe.
 */
public class Destinations {

    private final Map<String, Destination> byName;
    private final String queuePrefix;

    /** @throws IllegalArgumentException when a LOCAL_REGULATOR has no region prefix */
    public Destinations(Map<String, Destination> byName) {
        this(byName, "sedx.delivery.");
    }

    /**
     * @param queuePrefix each destination's queue is this prefix plus its name
     * @throws IllegalArgumentException when a LOCAL_REGULATOR has no region prefix
     */
    public Destinations(Map<String, Destination> byName, String queuePrefix) {
        this.byName = new TreeMap<>(byName);
        this.queuePrefix = queuePrefix;
        this.byName.forEach((name, destination) -> {
            if (destination.kind() == DestinationKind.LOCAL_REGULATOR && destination.regionPrefix() == null) {
                throw new IllegalArgumentException("sedx.delivery.destinations." + name
                        + ": a LOCAL_REGULATOR needs its region-prefix");
            }
        });
    }

    /** The persistent queue of one destination. */
    public String queueOf(String destination) {
        return queuePrefix + destination;
    }

    /** Every destination name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    public Optional<Destination> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The destinations of one message, in a stable order, without repeats; empty when none is configured.
     *
     * @param regionCode the unit's region code, or null (then the USCC's region part is used)
     * @param canonical  the canonical JSON of the message (read for a report's copy recipients)
     */
    public List<String> route(MessageType type, String regionCode, String unitUscc, JsonNode canonical) {
        return switch (type) {
            case PERSONNEL_FILING, SAFETY_RECORD, TRAINING_RECORD, RECTIFICATION_ORDER, RECTIFICATION_ORDER_CHANGE ->
                    provincial(province(regionCode, unitUscc));
            case YEAR_END_REPORT -> documentRecipients(canonical);
            case PERSONNEL_BATCH -> ofKind(DestinationKind.NATIONAL_PLATFORM);
            case AGENCY_REPORT -> localRegulator(regionCode);
        };
    }

    /**
     * The local regulators of a unit's region: those whose region prefix is the longest that the region code starts
     * with (county, else city, else province); empty when no configured regulator's area holds the region.
     */
    List<String> localRegulator(String regionCode) {
        if (regionCode == null) {
            return List.of();
        }
        int longest = byName.values().stream()
                .filter(d -> d.kind() == DestinationKind.LOCAL_REGULATOR && regionCode.startsWith(d.regionPrefix()))
                .mapToInt(d -> d.regionPrefix().length()).max().orElse(0);
        return byName.entrySet().stream()
                .filter(e -> e.getValue().kind() == DestinationKind.LOCAL_REGULATOR)
                .filter(e -> longest > 0 && e.getValue().regionPrefix().length() == longest
                        && regionCode.startsWith(e.getValue().regionPrefix()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<String> ofKind(DestinationKind kind) {
        return byName.entrySet().stream()
                .filter(e -> e.getValue().kind() == kind)
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<String> provincial(String province) {
        if (province == null) {
            return List.of();
        }
        return byName.entrySet().stream()
                .filter(e -> e.getValue().kind() == DestinationKind.PROVINCIAL)
                .filter(e -> province.equals(e.getValue().province()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<String> documentRecipients(JsonNode canonical) {
        Set<String> names = new LinkedHashSet<>();
        byName.forEach((name, destination) -> {
            if (destination.kind() == DestinationKind.DOCUMENT_EXCHANGE) {
                names.add(name);
            }
        });
        for (JsonNode copy : canonical.path("copyRecipients")) {
            byName.forEach((name, destination) -> {
                if (name.equals(copy.asText()) || destination.recipientNames().contains(copy.asText())) {
                    names.add(name);
                }
            });
        }
        return new ArrayList<>(names);
    }

    /** The two-digit province of a unit: its region code's first two digits, else its USCC's region part. */
    static String province(String regionCode, String unitUscc) {
        if (regionCode != null && regionCode.length() >= 2) {
            return regionCode.substring(0, 2);
        }
        if (unitUscc != null && unitUscc.length() == 18) {
            return unitUscc.substring(2, 4);
        }
        return null;
    }
}
