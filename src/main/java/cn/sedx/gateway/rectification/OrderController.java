package cn.sedx.gateway.rectification;

import cn.sedx.gateway.model.OrderStatus;
import cn.sedx.gateway.rectification.OrderQueries.OrderPage;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.QueryParameters;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rectification-orders[?status=ISSUED&status=OVERDUE][&region=4401]}: a system lists the orders it
 * issued (its open and overdue ones with {@code status=ISSUED&status=OVERDUE}); operators and auditors list every
 * order. {@code GET /api/v1/rectification-orders/{id}}: one order with every change of its life; another system's
 * order answers 404, so ids leak nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/rectification-orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private static final int MAX_PAGE_SIZE = 200;

    private final OrderQueries queries;
    private final OrderStore orders;

    OrderController(OrderQueries queries, OrderStore orders) {
        this.queries = queries;
        this.orders = orders;
    }

    /** One order and its life. */
    record OrderView(TrackedOrder order, List<TrackedOrder.Change> changes) {}

    @GetMapping
    OrderPage list(@RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        QueryParameters.page(page, size, MAX_PAGE_SIZE);
        QueryParameters.regionPrefix(region);
        Set<OrderStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        return queries.page(ownSystem().orElse(null), statuses, region, page, size);
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable String id) {
        TrackedOrder order = orders.find(id)
                .filter(found -> ownSystem().map(found.issuingSystem()::equals).orElse(true))
                .orElseThrow(() -> SedxException.refused(ErrorCode.ORDER_NOT_FOUND, "no order " + id,
                        List.of(Violation.of(ErrorCode.ORDER_NOT_FOUND, "id"))));
        return new OrderView(order, orders.changes(order.id()));
    }

    /** The calling system's id when the caller is a submitting system; empty for operators and auditors. */
    private static Optional<String> ownSystem() {
        return Callers.current().filter(Caller::isSystem).map(Caller::id);
    }
}
