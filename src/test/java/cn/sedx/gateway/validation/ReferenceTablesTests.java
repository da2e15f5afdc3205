package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue and region tables shipped as data, and their loader. */
class ReferenceTablesTests {

    private final EquipmentCatalogue catalogue = EquipmentCatalogue.standard();
    private final RegionTable regions = RegionTable.standard();

    @ParameterizedTest
    @CsvSource({"3000, 电梯", "3110, 曳引驱动乘客电梯", "4A00, 桅杆式起重机", "4D00, 机械式停车设备",
            "4D10, 升降横移类机械式停车设备", "6A00, 碰碰车类", "6E40, 滑索系列", "23T0, 特种气瓶（内装填料气瓶、纤维缠绕气瓶、低温绝热气瓶）",
            "2300, 气瓶", "9110, 往复式客运架空索道"})
    void namesTheCatalogueCodes(String code, String name) {
        assertThat(catalogue.name(code)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3110", "4D10", "4A00", "23T0", "6D20", "2300", "1100"})
    void acceptsClassesAndKindsAsDeviceKinds(String code) {
        assertThat(catalogue.isDeviceKind(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000", "2000", "3190", "4C00", "F220", "9999"})
    void refusesCategoriesAndUnlistedCodesAsDeviceKinds(String code) {
        assertThat(catalogue.isDeviceKind(code)).isFalse();
    }

    @Test
    void holdsTheWholeCatalogueAndRegionList() {
        assertThat(catalogue.size()).isEqualTo(159);
        assertThat(regions.size()).isEqualTo(3213);
    }

    @ParameterizedTest
    @CsvSource({"440106, 广东省 广州市 天河区", "441900, 广东省 东莞市", "442000, 广东省 中山市",
            "440000, 广东省", "110101, 北京市 东城区", "460400, 海南省 儋州市", "440199, 广东省 广州市",
            "990000, ''"})
    void givesTheProvinceCityAndCountyNames(String code, String name) {
        assertThat(regions.fullName(code)).isEqualTo(name);
    }

    @Test
    void listsCityCodesWithoutCountiesAndTheRegionsOutsideSupervision() {
        assertThat(regions.contains("441900")).isTrue();
        assertThat(regions.contains("620200")).isTrue();
        assertThat(regions.contains("810000")).isTrue();
        assertThat(regions.contains("660000")).isFalse();
    }

    @Test
    void refusesATableWithAMalformedLineNamingTheLine() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TsvTable.load("/reference/malformed-table.tsv", Pattern.compile("[0-9]{6}")))
                .withMessageContaining("line 3");
        assertThatIllegalStateException()
                .isThrownBy(() -> TsvTable.load("/reference/no-such-table.tsv", Pattern.compile("[0-9]{6}")))
                .withMessageContaining("missing");
    }
}
