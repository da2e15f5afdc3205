package cn.sedx.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.sedx.gateway.compliance.ComplianceRange.CategoryRange;
import cn.sedx.gateway.compliance.ComplianceRange.RegionRange;
import cn.sedx.gateway.compliance.ComplianceRange.UnitRange;
import cn.sedx.gateway.compliance.ComplianceReport.Figures;
import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.messagestore.NewMessage;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.StoreCiphers;
import cn.sedx.gateway.support.Stores;
import cn.sedx.gateway.support.TestDatabases;
import cn.sedx.gateway.support.Uscc;
import cn.sedx.gateway.validation.ValidationSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance view over a real store (embedded H2): per equipment category, exemptions, unit identity, date
 * ranges, late filings and staffing gaps. Filings are stored with the time the gateway would have received them.
 */
class ComplianceRangeTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-28");

    private final DataSource database = TestDatabases.H2.migrated();
    private final ComplianceView view = new ComplianceView(new MessageScan(JdbcClient.create(database), StoreCiphers.TEST), JSON,
            ValidationSettings.defaults());
    private final String firm = Uscc.numbered("440106", 1);

    private void file(ObjectNode filing, String receivedOn) {
        String uscc = filing.at("/unit/uscc").asText();
        store(receivedOn).insertReceivedOfKind(message(MessageType.PERSONNEL_FILING, uscc,
                filing.at("/unit/regionCode").asText(), filing), filing.at("/unit/unitKind").asText());
    }

    private void record(String fixture, String category, String period, String status, String receivedOn) {
        ObjectNode record = Fixtures.object("safety-record/" + fixture).put("unitUscc", firm).put("equipmentCategory", category)
                .put("period", period).put("operatingStatus", status);
        record(record, receivedOn);
    }

    private void record(ObjectNode record, String receivedOn) {
        store(receivedOn).insertReceivedOfKind(message(MessageType.SAFETY_RECORD, record.get("unitUscc").asText(),
                "440106", record), record.has("unitKind") ? record.get("unitKind").asText() : null);
    }

    private MessageStore store(String receivedOn) {
        Clock at = Clock.fixed(LocalDate.parse(receivedOn).atTime(10, 0).toInstant(ZoneOffset.ofHours(8)),
                ZoneOffset.UTC);
        return Stores.messageStore(database, at, event -> { });
    }

    private static NewMessage message(MessageType type, String uscc, String region, ObjectNode body) {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        return new NewMessage(type, "gd-province", "REST", uscc, region, null, "sha-" + payload.length, payload,
                null, null);
    }

    private ObjectNode useUnit() {
        ObjectNode filing = Fixtures.object("personnel-filing/valid-use-unit.json");
        ((ObjectNode) filing.get("unit")).put("uscc", firm);
        return filing;
    }

    /** The daily, weekly and monthly records the report of 2026-11-28 looks for, in one category. */
    private void mechanism(String category) {
        record("valid-daily-check.json", category, "2026-11-27", "IN_SERVICE", "2026-11-27");
        record("valid-weekly-investigation.json", category, "2026-W47", "IN_SERVICE", "2026-11-22");
        record("valid-monthly-dispatch.json", category, "2026-10", "IN_SERVICE", "2026-11-02");
    }

    private static Figures region(ComplianceReport report, String code) {
        return report.regions().stream().filter(r -> r.regionCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aRecordCoversOnlyItsOwnEquipmentCategory() {
        file(useUnit(), "2026-11-01");
        mechanism("3000");

        Figures tianhe = region(view.report("44", AS_OF), "440106");

        assertThat(tianhe.unitsWithDaily()).isZero();
        assertThat(tianhe.unitsWithMechanism()).isZero();
        assertThat(tianhe.regionName()).isEqualTo("广东省 广州市 天河区");
        assertThat(tianhe.unitsMissing()).singleElement().satisfies(unit -> {
            assertThat(unit.uscc()).isEqualTo(firm);
            assertThat(unit.unitKind()).isEqualTo(UnitKind.USE);
            assertThat(unit.name()).isEqualTo("广州天河城市物业管理有限公司");
            assertThat(unit.missing()).containsExactly("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH");
            assertThat(unit.missingByCategory()).containsExactly(Map.entry("2000",
                    List.of("DAILY_CHECK", "WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH")));
        });

        mechanism("2000");
        Figures covered = region(view.report("440106", AS_OF), "440106");
        assertThat(covered.unitsWithMechanism()).isEqualTo(1);
        assertThat(covered.unitsMissing()).isEmpty();
    }

    @Test
    void anExemptCategoryIsNotMissingFromTheDayItsStopTookEffect() {
        file(useUnit(), "2026-11-01");
        mechanism("3000");
        record("valid-monthly-dispatch.json", "2000", "2026-10", "IN_SERVICE", "2026-11-02");
        record("valid-daily-check.json", "2000", "2026-11-20", "STOPPED_REGISTERED", "2026-11-20");

        ComplianceReport report = view.report("440106", AS_OF, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-27"));

        assertThat(region(report, "440106").unitsMissing()).isEmpty();
        assertThat(region(report, "440106").exemptions()).singleElement().satisfies(unit -> assertThat(
                unit.exemptFrom()).containsExactly(Map.entry("2000", LocalDate.parse("2026-11-20"))));
        CategoryRange boilers = category(report.range(), "2000");
        assertThat(boilers.categoryName()).isEqualTo("压力容器");
        assertThat(boilers.exemptFrom()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(boilers.daysExempt()).isEqualTo(8);
        assertThat(boilers.daysExpected()).isEqualTo(19);
        assertThat(boilers.daysMissed()).isEqualTo(19);
        assertThat(boilers.weeksExpected()).as("W44, W45, W46; W47 ends on 11-22, exempt").isEqualTo(3);
    }

    @Test
    void aTemporaryStopKeepsTheMechanism() {
        file(useUnit(), "2026-11-01");
        mechanism("3000");
        mechanism("2000");
        record("valid-daily-check.json", "2000", "2026-11-20", "STOPPED_REGISTERED", "2026-11-20");
        ObjectNode temporary = Fixtures.object("safety-record/valid-temporarily-stopped.json").put("unitUscc", firm)
                .put("equipmentCategory", "2000").put("period", "2026-11-24");
        record(temporary, "2026-11-24");

        ComplianceReport report = view.report("440106", AS_OF, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-27"));

        CategoryRange boilers = category(report.range(), "2000");
        assertThat(boilers.exemptFrom()).isNull();
        assertThat(boilers.daysExempt()).isEqualTo(4);
        assertThat(boilers.daysMissed()).as("11-25 and 11-26; 11-24 and 11-27 have records").isEqualTo(2);
    }

    @Test
    void productionSuspendedExemptsEveryCategoryOfTheUnit() {
        ObjectNode producer = Fixtures.object("personnel-filing/valid-production-unit.json");
        ((ObjectNode) producer.get("unit")).put("uscc", firm).put("regionCode", "440106").putArray(
                "equipmentCategories").add("3000").add("4000");
        file(producer, "2026-11-01");
        ObjectNode suspended = Fixtures.object("safety-record/valid-production-suspended-by-production-unit.json")
                .put("unitUscc", firm).put("period", "2026-11-10");
        record(suspended, "2026-11-10");

        Figures tianhe = region(view.report("440106", AS_OF), "440106");

        assertThat(tianhe.unitsExempt()).isEqualTo(1);
        assertThat(tianhe.unitsWithDaily()).isEqualTo(1);
        assertThat(tianhe.unitsMissing()).singleElement().satisfies(unit -> assertThat(unit.missingByCategory())
                .containsOnly(Map.entry("3000", List.of("MONTHLY_DISPATCH")),
                        Map.entry("4000", List.of("MONTHLY_DISPATCH"))));
    }

    @Test
    void countsDaysWeeksAndMonthsMissedOverARangeAndListsLateFilings() {
        file(useUnit(), "2026-11-01");
        for (int day = 2; day <= 6; day++) {
            String date = String.format("2026-11-%02d", day);
            record("valid-daily-check.json", "3000", date, "IN_SERVICE", date);
        }
        record("valid-daily-check.json", "3000", "2026-11-07", "IN_SERVICE", "2026-11-20");
        record("valid-weekly-investigation.json", "3000", "2026-W45", "IN_SERVICE", "2026-11-09");
        record("valid-monthly-dispatch.json", "3000", "2026-10", "IN_SERVICE", "2026-11-05");

        ComplianceRange range = view.report("440106", AS_OF, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-14")).range();

        CategoryRange elevators = category(range, "3000");
        assertThat(elevators.daysExpected()).isEqualTo(14);
        assertThat(elevators.daysMissed()).isEqualTo(8);
        assertThat(elevators.weeksExpected()).isEqualTo(2);
        assertThat(elevators.weeksMissed()).as("W44, ending 11-01").isEqualTo(1);
        assertThat(elevators.monthsExpected()).isZero();
        CategoryRange vessels = category(range, "2000");
        assertThat(vessels.daysMissed()).isEqualTo(14);
        assertThat(vessels.weeksMissed()).isEqualTo(2);
        UnitRange unit = range.regions().get(0).units().get(0);
        assertThat(unit.lateFilings()).singleElement().satisfies(late -> {
            assertThat(late.period()).isEqualTo("2026-11-07");
            assertThat(late.daysLate()).isEqualTo(6);
            assertThat(late.filedOn()).isEqualTo(LocalDate.parse("2026-11-20"));
        });
        assertThat(range.total().daysMissed()).isEqualTo(22);
        assertThat(range.total().weeksMissed()).isEqualTo(3);
        assertThat(range.total().lateFilings()).isEqualTo(1);
        assertThat(range.regions().get(0).regionName()).isEqualTo("广东省 广州市 天河区");
    }

    @Test
    void listsUnitsWithoutDirectorsOrOfficersByRegionWithTheirNames() {
        ObjectNode noDirector = Fixtures.object("personnel-filing/director-missing.json");
        ((ObjectNode) noDirector.get("unit")).put("uscc", firm).put("name", "天河甲物业");
        ObjectNode noOfficer = Fixtures.object("personnel-filing/officer-missing-for-category.json");
        ((ObjectNode) noOfficer.get("unit")).put("uscc", Uscc.numbered("440106", 2)).put("name", "天河乙物业");
        file(noDirector, "2026-11-01");
        file(noOfficer, "2026-11-01");
        file(useUnit().put("filingKind", "CHANGE"), "2026-11-03");

        RegionRange tianhe = view.report("440106", AS_OF, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-27")).range().regions().get(0);

        assertThat(tianhe.staffingGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.name()).isEqualTo("天河乙物业");
            assertThat(gap.directorMissing()).isFalse();
            assertThat(gap.categoriesWithoutOfficer()).containsExactly("2000");
        });
        assertThat(tianhe.total().unitsWithoutOfficers()).isEqualTo(1);
        assertThat(tianhe.total().unitsWithoutDirector()).as("its newer filing names one").isZero();
    }

    @Test
    void keepsAFirmsProductionAndUseUnitsApart() {
        file(useUnit(), "2026-11-01");
        ObjectNode producer = Fixtures.object("personnel-filing/valid-production-unit.json");
        ((ObjectNode) producer.get("unit")).put("uscc", firm).put("regionCode", "440106");
        file(producer, "2026-11-05");
        record("valid-daily-check.json", "3000", "2026-11-27", "IN_SERVICE", "2026-11-27");
        ObjectNode asProducer = Fixtures.object("safety-record/valid-daily-check.json").put("unitUscc", firm)
                .put("unitKind", "PRODUCTION").put("period", "2026-11-27");
        ((ObjectNode) asProducer.get("responsiblePerson")).put("role", "QUALITY_SAFETY_OFFICER");
        record(asProducer, "2026-11-27");

        Figures tianhe = region(view.report("440106", AS_OF), "440106");

        assertThat(tianhe.unitsFiled()).isEqualTo(2);
        assertThat(tianhe.unitsMissing()).extracting(ComplianceReport.MissingUnit::unitKind)
                .containsExactly(UnitKind.PRODUCTION, UnitKind.USE);
        assertThat(tianhe.unitsMissing().get(0).missingByCategory())
                .containsOnly(Map.entry("3000", List.of("WEEKLY_INVESTIGATION", "MONTHLY_DISPATCH")));
        assertThat(tianhe.unitsMissing().get(1).missingByCategory().get("3000")).doesNotContain("DAILY_CHECK");
    }

    @Test
    void expectsNothingBeforeTheOrdersTookEffect() {
        file(useUnit(), "2023-05-01");

        ComplianceRange range = view.report("440106", LocalDate.parse("2023-05-11"), LocalDate.parse("2023-05-01"),
                LocalDate.parse("2023-05-10")).range();

        assertThat(category(range, "3000").daysExpected()).isEqualTo(6);
        assertThat(category(range, "3000").weeksExpected()).as("the week ending Sunday 05-07").isEqualTo(1);
    }

    @Test
    void cutsARangeAtTheLastCompleteDayAndRefusesBackwardOrOverlongOnes() {
        file(useUnit(), "2026-11-01");

        ComplianceRange range = view.report("440106", AS_OF, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-12-31")).range();

        assertThat(range.to()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(category(range, "3000").daysExpected()).isEqualTo(8);
        assertThatIllegalArgumentException().isThrownBy(() -> view.report("440106", AS_OF,
                LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-19")));
        assertThatIllegalArgumentException().isThrownBy(() -> view.report("440106", AS_OF,
                LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02")));
        assertThatIllegalArgumentException().isThrownBy(() -> view.report("440106", AS_OF,
                LocalDate.parse("2025-01-01"), null));
    }

    private static CategoryRange category(ComplianceRange range, String code) {
        return range.regions().stream().flatMap(region -> region.units().stream())
                .flatMap(unit -> unit.categories().stream())
                .filter(category -> category.category().equals(code)).findFirst().orElseThrow();
    }
}
