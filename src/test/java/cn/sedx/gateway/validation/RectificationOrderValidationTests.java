package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.model.RectificationOrder;
import cn.sedx.gateway.model.RectificationOrderChange;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.Violation;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.validation.OrdersOnFile.OrderOnFile;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 安全监察指令书 and the changes of its life, as submitted (docs/validation.md). */
class RectificationOrderValidationTests {

    private static final String NUMBER = "穗天市监特令〔2026〕12号";
    private static final OrdersOnFile ON_FILE = number -> NUMBER.equals(number)
            ? Optional.of(new OrderOnFile(NUMBER, "91440106MA59ABCDEX", UnitKind.USE, "440106",
                    LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-20"), OrderStatus.ISSUED,
                    "tianhe-regulator"))
            : Optional.empty();

    private final FilingValidator validator = new FilingValidator(ValidationSettings.defaults(),
            Validators.EMPTY_DIRECTORY, ON_FILE, ComputedFigures.NONE, Validators.CLOCK);

    private ValidationOutcome order(String fixture) {
        return validator.validate(MessageType.RECTIFICATION_ORDER, Fixtures.json("rectification-order/" + fixture));
    }

    private ValidationOutcome change(String fixture) {
        return validator.validate(MessageType.RECTIFICATION_ORDER_CHANGE,
                Fixtures.json("rectification-order-change/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-order-no-director.json", "valid-order-by-city-no-mechanism.json"})
    void acceptsOrdersOfACountyOrACityRegulatorForAUnitInItsArea(String fixture) {
        ValidationOutcome outcome = order(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(((RectificationOrder) outcome.filing()).deadline()).isEqualTo("2026-12-20");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "deadline-before-issue.json,             DEADLINE_BEFORE_ISSUE,         /deadline",
        "officer-failing-without-category.json,  FAILING_CATEGORY_REQUIRED,     /failings/0/equipmentCategory",
        "other-failing-without-description.json, FAILING_DESCRIPTION_REQUIRED,  /failings/0/description",
        "unit-outside-authority-region.json,     UNIT_OUTSIDE_AUTHORITY_REGION, /regionCode",
        "no-failings.json,                       SCHEMA_VIOLATION,              /failings",
        "authority-uscc-bad-check-char.json,     USCC_CHECKSUM,                 /issuingAuthority/uscc",
    })
    void refusesWhatIsWrongWithAnOrder(String fixture, ErrorCode code, String pointer) {
        assertThat(order(fixture).errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @Test
    void refusesAnOrderIssuedInTheFuture() {
        assertThat(order("issued-in-future.json").errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.DATE_IN_FUTURE, "/issuedOn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-rectified-with-evidence.json", "valid-penalised.json"})
    void acceptsAChangeAndTakesTheUnitAndRegionOfItsOrder(String fixture) {
        ValidationOutcome outcome = change(fixture);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.unitUscc()).isEqualTo("91440106MA59ABCDEX");
        assertThat(outcome.regionCode()).isEqualTo("440106");
        assertThat(outcome.unitKind()).isEqualTo(UnitKind.USE);
        assertThat(outcome.regionPointer()).isEqualTo("/orderNumber");
        assertThat(outcome.filing()).isInstanceOf(RectificationOrderChange.class);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource({
        "rectified-without-rectification.json, ORDER_CHANGE_DETAILS_MISMATCH, /rectification",
        "unknown-order.json,                   ORDER_NOT_FOUND,               /orderNumber",
        "rectified-before-issue.json,          DATE_BEFORE_ORDER_ISSUED,      /rectification/rectifiedOn",
        "evidence-not-pdf.json,                ATTACHMENT_TYPE_NOT_ALLOWED,   /rectification/attachments/0/mediaType",
    })
    void refusesWhatIsWrongWithAChange(String fixture, ErrorCode code, String pointer) {
        assertThat(change(fixture).errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @Test
    void refusesASubmittedOverdueForOnlyTheGatewaySetsIt() {
        assertThat(change("overdue-submitted.json").errors()).extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.ORDER_STATUS_SET_BY_GATEWAY, "/status"),
                        tuple(ErrorCode.ORDER_CHANGE_DETAILS_MISMATCH, "/overdue"));
    }

    @Test
    void refusesAPenaltyThatCarriesARectification() {
        assertThat(change("penalised-with-rectification.json").errors())
                .extracting(Violation::code, Violation::pointer)
                .containsExactly(tuple(ErrorCode.ORDER_CHANGE_DETAILS_MISMATCH, "/rectification"),
                        tuple(ErrorCode.ORDER_CHANGE_DETAILS_MISMATCH, "/penalty"));
    }

    @Test
    void allowsOnlyTheTransitionsOfAnOrdersLife() {
        assertThat(OrderStatus.ISSUED.allows(OrderStatus.RECTIFIED)).isTrue();
        assertThat(OrderStatus.ISSUED.allows(OrderStatus.OVERDUE)).isTrue();
        assertThat(OrderStatus.ISSUED.allows(OrderStatus.PENALISED)).isFalse();
        assertThat(OrderStatus.OVERDUE.allows(OrderStatus.PENALISED)).isTrue();
        assertThat(OrderStatus.OVERDUE.allows(OrderStatus.RECTIFIED)).isTrue();
        assertThat(OrderStatus.RECTIFIED.allows(OrderStatus.PENALISED)).isFalse();
        assertThat(OrderStatus.PENALISED.allows(OrderStatus.RECTIFIED)).isFalse();
    }
}
