package com.kfgateway.conversation.control;

import com.kfgateway.database.GroupCommit;
import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.assistant.control.AssistantConfig;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.conversation.control.answering.AnswerStore;
import com.kfgateway.conversation.control.answering.SessionGate;
import com.kfgateway.conversation.control.handover.Handover;
import com.kfgateway.conversation.control.handover.HandoverNotices;
import com.kfgateway.conversation.control.handover.HandoverStore;
import com.kfgateway.conversation.control.handover.StaffNotifier;
import com.kfgateway.conversation.control.outbox.DeliveryTimeline;
import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.control.state.SessionStates;
import com.kfgateway.conversation.control.state.SessionTransfer;
import com.kfgateway.conversation.control.state.StateLog;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.delivery.control.DeliveryConfig;
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.delivery.control.SendLogStore;
import com.kfgateway.delivery.control.SendPlanner;
import com.kfgateway.delivery.control.StaffDesk;
import com.kfgateway.delivery.entity.PartPlanned;
import com.kfgateway.delivery.entity.PartStatusChanged;
import com.kfgateway.delivery.entity.SendLogEntry;
import com.kfgateway.unit.RecordedEvents;
import com.kfgateway.unit.TestDatabase;
import com.kfgateway.unit.Wiring;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComConfig;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The conversation pipeline wired by hand on a fresh database, everything real except WeCom ({@link ScriptedWeCom}):
 * state, answering's store and gate, the handover's steps, and delivery behind its boundary, with our timeline rows
 * kept by the real {@link DeliveryTimeline} as the container would call it. One customer, one conversation, the
 * example shop's rules, staff notifications to {@code alice|bob}.
 */
public final class PipelineFixture implements AutoCloseable {

    public static final String CUSTOMER = "wmCustomer";
    public static final String ACCOUNT = "wkA";

    public final TestDatabase db = new TestDatabase();
    public final ScriptedWeCom wecom = new ScriptedWeCom();
    public final ConversationConfig config = config(Optional.of("alice|bob"));
    public final Assistant assistant = new Assistant(AssistantConfig.rulesOnly(null));
    public final GroupCommit commits = Wiring.of(GroupCommit.class).with(db).get();
    public final StateLog stateLog = Wiring.of(StateLog.class).with(db).get();
    public final SessionStates sessions = Wiring.of(SessionStates.class).with(wecom, stateLog, commits).get();
    public final SessionTransfer transfer = Wiring.of(SessionTransfer.class).with(wecom, stateLog, commits,
            new ErrorCatalogue()).get();
    private final DeliveryTimeline timeline = Wiring.of(DeliveryTimeline.class).with(db).get();
    /** Runs inside the planner's transaction after each part is planned; a test may make it fail. */
    public Consumer<PartPlanned> afterPlanning = part -> {
    };
    public final SendLog sendLog = delivery();
    public final Outbox outbox = Wiring.of(Outbox.class).with(db, sendLog).get();
    public final AnswerStore answers = Wiring.of(AnswerStore.class).with(db, outbox, assistant).get();
    public final SessionGate gate = Wiring.of(SessionGate.class).with(sessions, transfer, config).get();
    public final StaffNotifier staff = Wiring.of(StaffNotifier.class).with(db, wecom, config).get();
    public final HandoverNotices notices = Wiring.of(HandoverNotices.class).with(db, outbox).get();
    public final long conversation = db.conversation(ACCOUNT, CUSTOMER);
    private final AtomicInteger msgids = new AtomicInteger();

    public static ConversationConfig config(Optional<String> notifyTo) {
        ConversationConfig config = new ConversationConfig();
        config.stateMaxAgeMinutes = 10;
        config.notifyTo = notifyTo;
        config.safetyPullMinutes = 5;
        return config;
    }

    /** As when CONVERSATION_NOTIFY_TO is not set. */
    public void nobodyToNotify() {
        config.notifyTo = Optional.empty();
    }

    /** The handover on this fixture's beans, with {@code store} (a test's failing one, or the real one). */
    public Handover handover(HandoverStore store) {
        return Wiring.of(Handover.class).with(wecom, transfer, sessions, store, notices, sendLog, staff).get();
    }

    public HandoverStore handoverStore() {
        return Wiring.of(HandoverStore.class).with(db).get();
    }

    private SendLog delivery() {
        RecordedEvents<PartPlanned> planned = new RecordedEvents<>(part -> {
            observe(timeline, "planned", part);
            afterPlanning.accept(part);
        });
        RecordedEvents<PartStatusChanged> changed = new RecordedEvents<>(change -> observe(timeline, "changed",
                change));
        DeliveryConfig delivery = new DeliveryConfig() {
            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public Duration sendingStaleAfter() {
                return Duration.ofMinutes(1);
            }
        };
        SendPlanner planner = Wiring.of(SendPlanner.class).with(db).event(PartPlanned.class, planned)
                .event(PartStatusChanged.class, changed).get();
        SendLogStore store = Wiring.of(SendLogStore.class).with(db, delivery).event(PartStatusChanged.class, changed)
                .get();
        Dispatcher dispatcher = Wiring.of(Dispatcher.class).with(store, wecom, new ErrorCatalogue(), delivery, commits,
                new WeComConfig("wwcorp", "app-secret", "1000002", "kf-secret", null, null, null)).get();
        StaffDesk desk = Wiring.of(StaffDesk.class).with(db, planner).get();
        return Wiring.of(SendLog.class).with(desk, store, planner, dispatcher).get();
    }

    /** CDI calls observer methods whatever their visibility; the timeline's are package-private. */
    private static void observe(Object bean, String method, Object event) {
        try {
            Method observer = DeliveryTimeline.class.getDeclaredMethod(method, event.getClass());
            observer.setAccessible(true);
            observer.invoke(bean, event);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer writes {@code text} at {@code sentAt}, stored PENDING as the sync loop stores it; its id. */
    public long customerSays(String text, Instant sentAt) {
        return db.inTransaction(() -> {
            var em = db.entityManager();
            Instant at = sentAt.truncatedTo(ChronoUnit.SECONDS);
            Message message = new Message("wx" + msgids.incrementAndGet(), conversation, ACCOUNT,
                    Message.Direction.IN, Message.Sender.CUSTOMER, 3, "text", "{}", at, Instant.now(),
                    Message.Handling.PENDING);
            message.setText(text);
            em.persist(message);
            em.find(Conversation.class, conversation).messageStored(at, text, true);
            em.flush();
            return message.getId();
        });
    }

    /** The customer writes now. */
    public long customerSays(String text) {
        return customerSays(text, Instant.now().minusSeconds(1));
    }

    /** Our record of the session: {@code state}, held by {@code servicer}, last confirmed by WeCom at {@code at}. */
    public void stored(ServiceState state, String servicer, Instant confirmedAt) {
        db.inTransaction(() -> {
            Conversation row = db.entityManager().find(Conversation.class, conversation);
            row.changeState(state, servicer, Instant.now());
            row.stateConfirmed(confirmedAt);
        });
        wecom.state = state.code();
        wecom.servicer = servicer;
    }

    /** The conversation as the pipeline reads it, detached. */
    public Conversation conversation() {
        return db.find(Conversation.class, conversation);
    }

    /** The customer asks for a human and the answer is recorded as the answering loop records it; the handover's id. */
    public long asksForHuman(String reply) {
        long message = customerSays("转人工");
        answers.answered(java.util.List.of(message), new Answer(reply, true, "rules", null), null, false);
        return handovers().get(handovers().size() - 1).getId();
    }

    public Message message(long id) {
        return db.find(Message.class, id);
    }

    public HandoverRequest handoverRow(long id) {
        return db.find(HandoverRequest.class, id);
    }

    public List<HandoverRequest> handovers() {
        return db.inTransaction(() -> db.entityManager().createQuery(
                "select h from HandoverRequest h where h.conversationId = :c order by h.id", HandoverRequest.class)
                .setParameter("c", conversation).getResultList());
    }

    /** The conversation's send-log parts, oldest first. */
    public List<SendLogEntry> parts() {
        return db.inTransaction(() -> db.entityManager().createQuery(
                "select e from SendLogEntry e where e.conversationId = :c order by e.id", SendLogEntry.class)
                .setParameter("c", conversation).getResultList());
    }

    public List<ServiceStateChange> stateChanges() {
        return db.inTransaction(() -> db.entityManager()
                .createNamedQuery(ServiceStateChange.OF_CONVERSATION, ServiceStateChange.class)
                .setParameter("conversationId", conversation).getResultList());
    }

    @Override
    public void close() {
        db.close();
    }
}
