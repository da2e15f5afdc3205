package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageStateTests {

    @Test
    void settledMeansAnsweredOrGivenUp() {
        assertThat(Arrays.stream(MessageState.values()).filter(MessageState::isSettled))
                .containsExactly(MessageState.ACKNOWLEDGED, MessageState.FAILED, MessageState.SIGNED_FOR,
                        MessageState.RETURNED);
    }

    @Test
    void aReturnedDocumentIsAnsweredButNotTaken() {
        assertThat(MessageState.RETURNED.isAnswered()).isTrue();
        assertThat(MessageState.RETURNED.isTaken()).isFalse();
        assertThat(Arrays.stream(MessageState.values()).filter(MessageState::isTaken))
                .containsExactly(MessageState.ACKNOWLEDGED, MessageState.SIGNED_FOR);
    }

    @Test
    void theUnsettledStatesAreTheRestInTheirOrderOfLife() {
        assertThat(MessageState.unsettled()).containsExactly(MessageState.RECEIVED, MessageState.QUEUED,
                MessageState.SENT, MessageState.REPLAYED);
        assertThat(MessageState.unsettled()).noneMatch(MessageState::isSettled);
    }

    @Test
    void onlyTheDocumentExchangesAnswersAreCallbacksAndNothingSentIsNotYetSent() {
        assertThat(Arrays.stream(MessageState.values()).filter(MessageState::isCallback))
                .containsExactly(MessageState.SIGNED_FOR, MessageState.RETURNED);
        assertThat(Arrays.stream(MessageState.values()).filter(MessageState::isNotYetSent))
                .containsExactly(MessageState.RECEIVED, MessageState.QUEUED, MessageState.REPLAYED);
    }
}
