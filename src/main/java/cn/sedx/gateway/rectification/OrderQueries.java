package cn.sedx.gateway.rectification;

import cn.sedx.gateway.model.OrderStatus;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads over the tracked orders: the listing an issuing system, an operator or the console asks for, and the counts
 * the compliance view and the year-end figures take. A region prefix is 2, 4 or 6 digits (every region when empty).
 */
@Repository
public class OrderQueries {

    private final JdbcClient jdbc;

    public OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of orders, newest deadline last within the page's order (earliest deadline first). */
    public record OrderPage(List<TrackedOrder> items, int page, int size, long total) {}

    /** Orders open in a region: ISSUED (within the deadline) and OVERDUE. */
    public record OpenOrders(int open, int overdue) {}

    /**
     * @param issuingSystem only the orders this system issued; null for every system's
     * @param statuses      only orders in these statuses; empty for all
     * @param regionPrefix  only units whose region starts with it; null or empty for all
     */
    public OrderPage page(String issuingSystem, Set<OrderStatus> statuses, String regionPrefix, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (issuingSystem != null) {
            where.append(" AND issuing_system = ?");
            params.add(issuingSystem);
        }
        if (!statuses.isEmpty()) {
            where.append(" AND status IN (").append(String.join(",", Collections.nCopies(statuses.size(), "?")))
                    .append(")");
            statuses.forEach(status -> params.add(status.name()));
        }
        region(where, params, regionPrefix);
        long total = jdbc.sql("SELECT COUNT(*) FROM rectification_order" + where).params(params).query(Long.class)
                .single();
        List<Object> paging = new ArrayList<>(params);
        paging.add((long) page * size);
        paging.add(size);
        List<TrackedOrder> items = jdbc.sql("SELECT " + OrderStore.COLUMNS + " FROM rectification_order" + where
                        + " ORDER BY deadline, order_number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(paging).query(OrderStore::map).list();
        return new OrderPage(items, page, size, total);
    }

    /** Orders issued (下达日期) in {@code from} … {@code until} (exclusive) for units in the region. */
    public int countIssued(String regionPrefix, LocalDate from, LocalDate until) {
        return count("issued_on", regionPrefix, from, until);
    }

    /** Orders penalised with a decision (处罚决定日期) in {@code from} … {@code until} (exclusive) in the region. */
    public int countPenalised(String regionPrefix, LocalDate from, LocalDate until) {
        return count("penalty_decided_on", regionPrefix, from, until);
    }

    private int count(String column, String regionPrefix, LocalDate from, LocalDate until) {
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(until)));
        StringBuilder where = new StringBuilder(" WHERE " + column + " >= ? AND " + column + " < ?");
        region(where, params, regionPrefix);
        return jdbc.sql("SELECT COUNT(*) FROM rectification_order" + where).params(params).query(Integer.class)
                .single();
    }

    /** Per 6-digit region of the prefix, the orders ISSUED and OVERDUE, in code order; regions with none left out. */
    public Map<String, OpenOrders> openByRegion(String regionPrefix) {
        List<Object> params = new ArrayList<>(List.of(OrderStatus.ISSUED.name(), OrderStatus.OVERDUE.name()));
        StringBuilder where = new StringBuilder(" WHERE status IN (?, ?)");
        region(where, params, regionPrefix);
        Map<String, OpenOrders> byRegion = new TreeMap<>();
        jdbc.sql("SELECT region_code, status, COUNT(*) FROM rectification_order" + where + " GROUP BY region_code, status")
                .params(params)
                .query(rs -> {
                    String region = String.valueOf(rs.getString(1));
                    OpenOrders known = byRegion.getOrDefault(region, new OpenOrders(0, 0));
                    int count = rs.getInt(3);
                    byRegion.put(region, OrderStatus.OVERDUE.name().equals(rs.getString(2))
                            ? new OpenOrders(known.open(), known.overdue() + count)
                            : new OpenOrders(known.open() + count, known.overdue()));
                });
        return byRegion;
    }

    private static void region(StringBuilder where, List<Object> params, String regionPrefix) {
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            where.append(" AND region_code LIKE ?");
            params.add(regionPrefix + "%");
        }
    }
}
