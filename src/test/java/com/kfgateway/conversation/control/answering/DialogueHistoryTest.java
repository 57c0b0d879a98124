package com.kfgateway.conversation.control.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import com.kfgateway.conversation.control.answering.DialogueHistory.Line;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueHistoryTest {

    /** WeCom's send_time: whole seconds. */
    private static final Instant SECOND = Instant.parse("2025-05-01T08:00:00Z");

    private static Line customer(long id, Instant at, String text) {
        return new Line(id, at, Role.CUSTOMER, text, null);
    }

    private static Line answer(long id, Instant at, String text, long answers) {
        return new Line(id, at, Role.ASSISTANT, text, answers);
    }

    @Test
    void answersToABurstFollowTheirQuestionsThoughPlannedAfterTheWholeBurst() {
        List<Line> lines = List.of(
                customer(1, SECOND, "q1"), customer(2, SECOND, "q2"), customer(3, SECOND, "q3"),
                answer(4, SECOND.plusMillis(400), "a1", 1), answer(5, SECOND.plusMillis(700), "a2", 2));
        assertEquals(List.of(new Turn(Role.CUSTOMER, "q1"), new Turn(Role.ASSISTANT, "a1"),
                new Turn(Role.CUSTOMER, "q2"), new Turn(Role.ASSISTANT, "a2")),
                DialogueHistory.before(3, SECOND, lines, 10));
    }

    @Test
    void anAnswerStampedLaterThanTheNextQuestionsWholeSecondIsStillBeforeIt() {
        List<Line> lines = List.of(customer(1, SECOND, "q1"), answer(2, SECOND.plusMillis(300), "a1", 1),
                customer(3, SECOND, "q2"));
        assertEquals(List.of(new Turn(Role.CUSTOMER, "q1"), new Turn(Role.ASSISTANT, "a1")),
                DialogueHistory.before(3, SECOND, lines, 10));
    }

    @Test
    void partsOfOneAnswerKeepTheirOrderAndLaterMessagesAreLeftOut() {
        List<Line> lines = List.of(customer(1, SECOND, "q1"), answer(2, SECOND.plusMillis(5), "a1 part 1", 1),
                answer(3, SECOND.plusMillis(5), "a1 part 2", 1), customer(4, SECOND.plusSeconds(1), "q2"),
                customer(5, SECOND.plusSeconds(2), "q3"));
        assertEquals(List.of(new Turn(Role.CUSTOMER, "q1"), new Turn(Role.ASSISTANT, "a1 part 1"),
                new Turn(Role.ASSISTANT, "a1 part 2")),
                DialogueHistory.before(4, SECOND.plusSeconds(1), lines, 10));
    }

    @Test
    void keepsOnlyTheNewestWantedTurnsAndLeavesOutEventsAndEmptyText() {
        List<Line> lines = List.of(customer(1, SECOND, "q1"), new Line(2, SECOND, null, "event", null),
                new Line(3, SECOND, Role.CUSTOMER, null, null), answer(4, SECOND.plusMillis(1), "a1", 1),
                customer(5, SECOND.plusSeconds(1), "q2"), new Line(6, SECOND.plusSeconds(1), Role.STAFF, "s", null),
                customer(7, SECOND.plusSeconds(2), "q3"));
        assertEquals(List.of(new Turn(Role.CUSTOMER, "q2"), new Turn(Role.STAFF, "s")),
                DialogueHistory.before(7, SECOND.plusSeconds(2), lines, 2));
        assertEquals(List.of(), DialogueHistory.before(7, SECOND.plusSeconds(2), lines, 0));
    }

    @Test
    void anAnswerWhoseQuestionIsOutsideTheWindowTakesItsOwnTime() {
        List<Line> lines = List.of(answer(2, SECOND.plusMillis(300), "a-old", 1),
                customer(3, SECOND.plusSeconds(1), "q2"));
        assertEquals(List.of(new Turn(Role.ASSISTANT, "a-old")),
                DialogueHistory.before(3, SECOND.plusSeconds(1), lines, 10));
    }
}
