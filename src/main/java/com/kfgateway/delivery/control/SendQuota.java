package com.kfgateway.delivery.control;

import java.time.Duration;
import java.time.Instant;

/**
 * WeCom's send allowance for one customer: after the customer's latest message, at most 5 kf/send_msg within 48 h
 * (95001 beyond the count, 95002 beyond the window). Whether a new customer message resets the count to 5 or adds 5
 * is not documented, so we assume the stricter reading: only our sends since the latest customer message count.
 *
 * @param used                   our send_msg parts (sent or still open) since the latest customer message
 * @param lastCustomerMessageAt  when the customer last wrote, or null if never
 * @param now                    the time of the check
 */
public record SendQuota(int used, Instant lastCustomerMessageAt, Instant now) {

    public static final int SENDS_PER_CUSTOMER_MESSAGE = 5;
    public static final Duration WINDOW = Duration.ofHours(48);

    public boolean windowOpen() {
        return lastCustomerMessageAt != null && now.isBefore(lastCustomerMessageAt.plus(WINDOW));
    }

    /** Sends still allowed now; 0 when the window is closed. */
    public int remaining() {
        return windowOpen() ? Math.max(0, SENDS_PER_CUSTOMER_MESSAGE - used) : 0;
    }

    /** Why nothing may be sent, or null when something may. */
    public String refusal() {
        if (lastCustomerMessageAt == null) {
            return "客户从未发来消息，不能主动发送 / the customer has never written, so WeCom allows no send";
        }
        if (!windowOpen()) {
            return "距客户最后一条消息已超过48小时 (95002) / more than 48 h since the customer's last message";
        }
        if (remaining() == 0) {
            return "客户最后一条消息后的5条额度已用完 (95001) / all 5 sends allowed after the customer's last message"
                    + " are used";
        }
        return null;
    }
}
