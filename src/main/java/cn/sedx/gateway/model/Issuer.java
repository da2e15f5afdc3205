package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 发文机关: the authority issuing a year-end report.
 *
 * @param name       发文机关名称
 * @param uscc       统一社会信用代码
 * @param regionCode 行政区划代码
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Issuer(String name, String uscc, String regionCode) {}
