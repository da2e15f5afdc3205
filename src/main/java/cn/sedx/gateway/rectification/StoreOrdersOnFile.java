package cn.sedx.gateway.rectification;

import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.validation.OrdersOnFile;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The orders on file, as the validation of their changes reads them, over the {@link OrderStore}. */
@Component
class StoreOrdersOnFile implements OrdersOnFile {

    private final OrderStore orders;

    StoreOrdersOnFile(OrderStore orders) {
        this.orders = orders;
    }

    @Override
    public Optional<OrderOnFile> find(String orderNumber) {
        return orders.findByNumber(orderNumber).map(order -> new OrderOnFile(order.orderNumber(), order.unitUscc(),
                order.unitKind() == null ? null : UnitKind.valueOf(order.unitKind()), order.regionCode(),
                order.issuedOn(), order.deadline(), order.status(), order.issuingSystem()));
    }
}
