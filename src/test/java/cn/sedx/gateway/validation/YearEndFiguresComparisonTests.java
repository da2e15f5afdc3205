package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.Figures;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A year-end report whose figures differ from the computed ones is accepted, each difference a named warning. */
class YearEndFiguresComparisonTests {

    private final List<String> asked = new ArrayList<>();

    private ValidationOutcome validate(Figures computed) {
        ComputedFigures figures = (year, region) -> {
            asked.add(year + " " + region);
            return Optional.of(computed);
        };
        return new FilingValidator(ValidationSettings.defaults(), Validators.EMPTY_DIRECTORY, OrdersOnFile.NONE,
                figures, Validators.CLOCK).validate(MessageType.YEAR_END_REPORT,
                Fixtures.json("year-end-report/valid-report.json"));
    }

    @Test
    void acceptsFiguresThatDifferWithAWarningNamingEachDifference() {
        Figures stated = stated();
        ValidationOutcome outcome = validate(new Figures(stated.unitsFiled() + 5, stated.unitsFullyStaffed(),
                stated.unitsWithMechanism(), stated.ordersIssued(), stated.penalties() - 1));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).extracting(Violation::code, Violation::pointer).containsExactly(
                tuple(ErrorCode.FIGURES_DIFFER_FROM_COMPUTED, "/figures/unitsFiled"),
                tuple(ErrorCode.FIGURES_DIFFER_FROM_COMPUTED, "/figures/penalties"));
        assertThat(outcome.warnings().get(0).messageEn())
                .contains("unitsFiled is " + stated.unitsFiled() + " in the report, " + (stated.unitsFiled() + 5));
        assertThat(outcome.warnings().get(1).messageZh()).contains("penalties 填报 " + stated.penalties());
    }

    @Test
    void comparesWithTheFiguresOfTheIssuersAreaAndYear() {
        validate(stated());

        // the sample issuer is the Guangdong bureau, 440000: its area is the province, prefix 44
        assertThat(asked).containsExactly(Fixtures.json("year-end-report/valid-report.json").path("year").asInt()
                + " 44");
    }

    @Test
    void saysNothingWhenTheFiguresAgree() {
        assertThat(validate(stated()).warnings()).isEmpty();
    }

    @Test
    void areasOfRegionCodesAreTheirPrefixes() {
        assertThat(RegionCodes.areaPrefix("440000")).isEqualTo("44");
        assertThat(RegionCodes.areaPrefix("440100")).isEqualTo("4401");
        assertThat(RegionCodes.areaPrefix("440106")).isEqualTo("440106");
        assertThat(RegionCodes.areaPrefix("441900")).isEqualTo("4419");
    }

    private static Figures stated() {
        try {
            return Validators.MAPPER.treeToValue(Fixtures.json("year-end-report/valid-report.json").get("figures"),
                    Figures.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
