package com.kfgateway.conversation.control.state;

import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.wecom.entity.InboundEvent;
import java.util.Optional;

/**
 * How WeCom moves a session between states on its own, as far as sync_msg shows it (shared reference §2.2, §2.5):
 * servicers' actions arrive as session_status_change events, a servicer writing from the WeCom client means a human
 * serves the customer, and a customer writing to an ended session reopens it as new.
 */
public final class StateRules {

    /** A state WeCom has moved the session to, and the servicer when a human owns it. */
    public record Move(ServiceState to, String servicerUserid, String note) {
    }

    private StateRules() {
    }

    /** session_status_change: 1 taken from the queue, 2 transferred, 3 ended, 4 re-opened by a servicer. */
    public static Optional<Move> afterSessionStatusChange(InboundEvent event) {
        int changeType = event.changeType() == null ? -1 : event.changeType();
        String newServicer = event.newServicerUserid();
        String oldServicer = event.oldServicerUserid();
        return switch (changeType) {
            case 1 -> Optional.of(new Move(ServiceState.HUMAN, newServicer,
                    "servicer " + newServicer + " took the session from the queue (change_type 1)"));
            case 2 -> Optional.of(new Move(ServiceState.HUMAN, newServicer,
                    "transferred from " + oldServicer + " to " + newServicer + " (change_type 2)"));
            case 3 -> Optional.of(new Move(ServiceState.ENDED, null,
                    "servicer " + oldServicer + " ended the session (change_type 3); the bot answers next time"));
            case 4 -> Optional.of(new Move(ServiceState.HUMAN, newServicer,
                    "servicer " + newServicer + " re-opened the session (change_type 4)"));
            default -> Optional.empty();
        };
    }

    /** WeCom sets an ended session (4) to new (0) when the customer writes again; other states stay. */
    public static Optional<Move> afterCustomerMessage(ServiceState current) {
        return current == ServiceState.ENDED
                ? Optional.of(new Move(ServiceState.NEW, null, "the customer wrote to an ended session"))
                : Optional.empty();
    }

    /** A servicer wrote from the WeCom client (origin 5): a human serves this customer now. */
    public static Optional<Move> afterStaffMessage(ServiceState current, String currentServicer, String servicer) {
        if (current == ServiceState.HUMAN && (servicer == null || servicer.equals(currentServicer))) {
            return Optional.empty();
        }
        return Optional.of(new Move(ServiceState.HUMAN, servicer == null ? currentServicer : servicer,
                "servicer " + servicer + " wrote from the WeCom client"));
    }

    /** Why a staff send through the API (reply, resend) cannot go out in this state, or null when it can (0 or 1). */
    public static String staffSendRefusal(ServiceState state, String servicer) {
        return state.botMaySend() ? null
                : "WeCom allows API sends only in session state 0 or 1; this session is in state " + state.code() + " ("
                        + state + ", servicer " + servicer + "): reply from the WeCom client / 当前会话状态不允许通过 API"
                        + " 发送，请在企业微信客户端回复";
    }

    /** Why the bot stays silent in this state, or null when it may answer (0 or 1). */
    public static String silenceReason(ServiceState state, String servicer) {
        return switch (state) {
            case NEW, BOT -> null;
            case QUEUED -> "the session waits in the queue for a human (state 2)";
            case HUMAN -> "a human owns the session (state 3, servicer " + servicer + ")";
            case ENDED -> "the session is ended (state 4) and WeCom has not reopened it";
        };
    }
}
