package cn.sedx.gateway.model;

/**
 * 年度数据: the figures of a year-end report (the schema caps each at 100,000,000).
 *
 * @param unitsFiled         已填报单位数
 * @param unitsFullyStaffed  人员配备到位单位数
 * @param unitsWithMechanism 建立日管控、周排查、月调度机制单位数
 * @param ordersIssued       下达安全监察指令书数
 * @param penalties          行政处罚数
 */
public record Figures(
        int unitsFiled, int unitsFullyStaffed, int unitsWithMechanism, int ordersIssued, int penalties) {}
