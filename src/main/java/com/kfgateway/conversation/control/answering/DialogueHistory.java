package com.kfgateway.conversation.control.answering;

import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The turns before a customer's message, as the assistant should read them: every answer of ours right after the
 * message it answers. Ordering by time alone gets this wrong: WeCom's send_time has whole seconds while our answers
 * are stamped when planned, so an answer often sorts after the customer's next message (or, in a burst, after all
 * of them) and would be left out of the context or put in the wrong place.
 */
final class DialogueHistory {

    /**
     * One stored message. {@code role} null means the assistant never sees it (events); {@code answersMessageId} is
     * the message an answer part of ours answers, null for anything else.
     */
    record Line(long id, Instant sentAt, Role role, String text, Long answersMessageId) {
    }

    private DialogueHistory() {
    }

    /** At most {@code wanted} turns before the message ({@code currentId}, {@code currentSentAt}), oldest first. */
    static List<Turn> before(long currentId, Instant currentSentAt, List<Line> lines, int wanted) {
        if (wanted <= 0) {
            return List.of();
        }
        Map<Long, Line> byId = new HashMap<>();
        lines.forEach(line -> byId.put(line.id(), line));
        Position current = new Position(currentSentAt, currentId, 0, currentSentAt, currentId);
        List<Turn> turns = lines.stream()
                .filter(line -> line.role() != null && line.text() != null)
                .map(line -> Map.entry(position(line, byId), line))
                .filter(entry -> Position.ORDER.compare(entry.getKey(), current) < 0)
                .sorted(Map.Entry.comparingByKey(Position.ORDER))
                .map(entry -> new Turn(entry.getValue().role(), entry.getValue().text()))
                .toList();
        return turns.subList(Math.max(0, turns.size() - wanted), turns.size());
    }

    /** An answer sits right after the message it answers (when that one is known); anything else at its own time. */
    private static Position position(Line line, Map<Long, Line> byId) {
        Line answered = line.answersMessageId() == null ? null : byId.get(line.answersMessageId());
        if (answered == null) {
            return new Position(line.sentAt(), line.id(), 0, line.sentAt(), line.id());
        }
        return new Position(answered.sentAt(), answered.id(), 1, line.sentAt(), line.id());
    }

    /** Where a line goes: its anchor (own or answered message), after the anchor or not, then its own order. */
    private record Position(Instant anchorAt, long anchorId, int afterAnchor, Instant ownAt, long ownId) {

        static final Comparator<Position> ORDER = Comparator.comparing(Position::anchorAt)
                .thenComparingLong(Position::anchorId)
                .thenComparingInt(Position::afterAnchor)
                .thenComparing(Position::ownAt)
                .thenComparingLong(Position::ownId);
    }
}
