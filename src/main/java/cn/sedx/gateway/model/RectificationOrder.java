package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 安全监察指令书: a regulator's order to rectify within a deadline ({@code schemas/rectification-order.schema.json}).
 *
 * @param orderNumber      指令书编号, unique in the gateway
 * @param issuingAuthority the authority that issued it (name, credit code, region)
 * @param unitUscc         the unit's 统一社会信用代码
 * @param unitKind         单位类型; null when absent
 * @param regionCode       所在地行政区划代码 of the unit; null when absent
 * @param unitName         单位名称; null when absent
 * @param failings         发现的问题, at least one
 * @param legalBasis       法律依据
 * @param issuedOn         下达日期
 * @param deadline         整改期限 (inclusive: overdue from the next day)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationOrder(
        String orderNumber,
        Issuer issuingAuthority,
        String unitUscc,
        UnitKind unitKind,
        String regionCode,
        String unitName,
        List<Failing> failings,
        String legalBasis,
        LocalDate issuedOn,
        LocalDate deadline) {}
