package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 问题: one finding of a safety record.
 *
 * @param item        检查项目或问题描述
 * @param hazardLevel 隐患等级
 * @param actionTaken 处理措施; null when absent
 * @param rectifyBy   整改期限; null when absent
 * @param rectifiedOn 整改完成日期; null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String item, HazardLevel hazardLevel, String actionTaken, LocalDate rectifyBy, LocalDate rectifiedOn) {}
