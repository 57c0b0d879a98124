package com.kfgateway.admin.control;

import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Today's figures for the dashboard; every query is a range or equality over an index (see V3, V4). */
@Stateless
public class Dashboard {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public record Figures(long customerMessages, long partsSent, long openFailures, long failedToday,
            long handovers, Duration medianFirstReply, int repliesMeasured) {
    }

    public Figures since(Instant from) {
        long in = em.createQuery("select count(m) from Message m where m.sentAt >= :from and m.direction = :in "
                + "and m.sender = :customer", Long.class).setParameter("from", from)
                .setParameter("in", Message.Direction.IN).setParameter("customer", Message.Sender.CUSTOMER)
                .getSingleResult();
        long sent = em
                .createQuery("select count(s) from SendLogEntry s where s.createdAt >= :from and s.status = :sent",
                        Long.class)
                .setParameter("from", from).setParameter("sent", SendStatus.SENT).getSingleResult();
        long open = em.createQuery("select count(s) from SendLogEntry s where s.status = :failed", Long.class)
                .setParameter("failed", SendStatus.FAILED).getSingleResult();
        long failedToday = em.createQuery("select count(s) from SendLogEntry s where s.createdAt >= :from "
                + "and s.status = :failed", Long.class).setParameter("from", from)
                .setParameter("failed", SendStatus.FAILED).getSingleResult();
        long handovers = em.createQuery("select count(c) from ServiceStateChange c where c.changedAt >= :from "
                + "and c.toState in :human", Long.class).setParameter("from", from)
                .setParameter("human", List.of(ServiceState.QUEUED.code(), ServiceState.HUMAN.code()))
                .getSingleResult();
        List<Duration> replies = firstReplyDelays(from);
        return new Figures(in, sent, open, failedToday, handovers, Durations.median(replies), replies.size());
    }

    /** Customer message → first part of its answer accepted by WeCom, for customer messages since {@code from}. */
    List<Duration> firstReplyDelays(Instant from) {
        List<Object[]> rows = em.createQuery("select m.sentAt, s.sentAt from Message m, SendLogEntry s "
                + "where s.answersMessageId = m.id and s.partNo = 1 and s.sentAt is not null and m.sentAt >= :from",
                Object[].class).setParameter("from", from).setMaxResults(50_000).getResultList();
        List<Duration> delays = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Duration delay = Duration.between((Instant) row[0], (Instant) row[1]);
            delays.add(delay.isNegative() ? Duration.ZERO : delay);
        }
        return delays;
    }
}
