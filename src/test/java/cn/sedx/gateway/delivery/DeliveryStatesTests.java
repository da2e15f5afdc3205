package cn.sedx.gateway.delivery;

import static cn.sedx.gateway.messagestore.MessageState.ACKNOWLEDGED;
import static cn.sedx.gateway.messagestore.MessageState.FAILED;
import static cn.sedx.gateway.messagestore.MessageState.QUEUED;
import static cn.sedx.gateway.messagestore.MessageState.REPLAYED;
import static cn.sedx.gateway.messagestore.MessageState.SENT;
import static cn.sedx.gateway.messagestore.MessageState.SIGNED_FOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryStatesTests {

    @Test
    void isSentWhileAnyDeliveryIsUnderWay() {
        assertThat(DeliveryStates.overall(List.of(QUEUED))).isEqualTo(SENT);
        assertThat(DeliveryStates.overall(List.of(ACKNOWLEDGED, SENT))).isEqualTo(SENT);
        assertThat(DeliveryStates.overall(List.of(ACKNOWLEDGED, REPLAYED))).isEqualTo(SENT);
    }

    @Test
    void isAcknowledgedOnlyWhenEveryDestinationAcknowledged() {
        assertThat(DeliveryStates.overall(List.of(ACKNOWLEDGED))).isEqualTo(ACKNOWLEDGED);
        assertThat(DeliveryStates.overall(List.of(SIGNED_FOR, ACKNOWLEDGED))).isEqualTo(ACKNOWLEDGED);
    }

    @Test
    void failsAsSoonAsAnyDestinationDeadLettered() {
        assertThat(DeliveryStates.overall(List.of(ACKNOWLEDGED, FAILED, SENT))).isEqualTo(FAILED);
    }

    @Test
    void hasNoStateWithoutDeliveries() {
        assertThat(DeliveryStates.overall(List.of())).isNull();
    }
}
