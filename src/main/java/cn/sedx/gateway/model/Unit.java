package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * 单位: the unit a personnel filing is about.
 *
 * @param name                   单位名称
 * @param uscc                   统一社会信用代码
 * @param unitKind               生产/使用/充装单位
 * @param regionCode             行政区划代码
 * @param equipmentCategories    设备类别 codes such as {@code "3000"}
 * @param licenceNumbers         许可证编号 (production and filling units); null when absent
 * @param useRegistrationNumbers 使用登记证编号 (use and filling units); null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unit(
        String name,
        String uscc,
        UnitKind unitKind,
        String regionCode,
        List<String> equipmentCategories,
        List<String> licenceNumbers,
        List<String> useRegistrationNumbers) {}
