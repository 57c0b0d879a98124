package com.kfgateway.delivery.control;

import com.kfgateway.database.GroupCommit;
import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.Recipient;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.delivery.entity.SendRequest;
import com.kfgateway.unit.RecordedEvents;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComConfig;
import com.kfgateway.wecom.entity.WeComReply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Delivery wired by hand on a fresh database: the planner, the store and the dispatcher, with a WeCom whose send
 * answers are scripted per call (OK once the script runs out). One customer, one conversation.
 */
final class DeliveryFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    final TestDatabase db = new TestDatabase();
    final RecordedEvents<PartStatusChanged> changed = new RecordedEvents<>();
    final ScriptedWeCom wecom = new ScriptedWeCom();
    final DeliveryConfig config = config(3);
    final SendPlanner planner = Wiring.of(SendPlanner.class).with(db).event(PartStatusChanged.class, changed)
            .event(PartPlanned.class, new RecordedEvents<>()).get();
    final SendLogStore store = Wiring.of(SendLogStore.class).with(db, config).event(PartStatusChanged.class, changed)
            .get();
    final Dispatcher dispatcher = Wiring.of(Dispatcher.class).with(store, wecom, new ErrorCatalogue(),
            config.wecom, config, Wiring.of(GroupCommit.class).with(db).get()).get();
    final long conversation = db.conversation("wkA", "wmCustomer");
    final Recipient customer = new Recipient(conversation, "wkA", "wmCustomer");

    static DeliveryConfig config(int maxAttempts) {
        DeliveryConfig config = new DeliveryConfig();
        config.maxAttempts = maxAttempts;
        config.wecom = new WeComConfig("wwcorp", "app-secret", "1000002", "kf-secret", null, null, null) {
            @Override
            public Duration httpTimeout() {
                return TIMEOUT;
            }
        };
        return config;
    }

    /** An answer to the customer message {@code msgid}, planned now as the customer wrote just before. */
    List<SendLogEntry> answer(String msgid, String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return db.inTransaction(() -> planner.planText(new SendRequest(customer, null, msgid, SendKind.ANSWER, null),
                text, now.minusSeconds(1), now));
    }

    SendLogEntry entry(long id) {
        return db.find(SendLogEntry.class, id);
    }

    @Override
    public void close() {
        db.close();
    }

    /** WeCom's send calls, answered from a script in order; every call is recorded as "msgid:text". */
    static final class ScriptedWeCom extends WeComClient {

        final Deque<Supplier<WeComReply<Void>>> script = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        ScriptedWeCom then(Supplier<WeComReply<Void>> reply) {
            script.add(reply);
            return this;
        }

        ScriptedWeCom then(WeComReply<Void> reply) {
            return then(() -> reply);
        }

        @Override
        public WeComReply<Void> sendText(String openKfid, String externalUserid, String msgid, String content) {
            sent.add(msgid + ":" + content);
            return next();
        }

        @Override
        public WeComReply<Void> sendTextOnEvent(String code, String msgid, String content) {
            sent.add(msgid + ":" + content + "@" + code);
            return next();
        }

        private WeComReply<Void> next() {
            Supplier<WeComReply<Void>> reply = script.poll();
            return reply == null ? WeComReply.ok(null) : reply.get();
        }
    }
}
