package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 人员信息填报: a unit and its principal, directors and officers ({@code schemas/personnel-filing.schema.json}).
 *
 * @param filingKind    首次/变更/补充填报
 * @param effectiveDate 生效日期
 * @param unit          the unit filing
 * @param persons       one entry per person and role; a person holding two roles appears twice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonnelFiling(FilingKind filingKind, LocalDate effectiveDate, Unit unit, List<Person> persons) {}
