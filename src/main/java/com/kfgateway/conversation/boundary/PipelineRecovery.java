package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.answering.PendingAnswers;
import com.kfgateway.metrics.boundary.OperatorMetrics;
import com.kfgateway.conversation.control.answering.Recovery;
import com.kfgateway.cluster.control.Leases;
import jakarta.annotation.PostConstruct;
import com.kfgateway.conversation.control.answering.AnsweringExecutors;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps resuming unfinished work every few seconds, and pulls every known account after start-up and every few
 * minutes (non-persistent timer; Payara Micro has no persistent ones). It only delegates to {@link Recovery}. Every
 * node ticks; the one holding the timer's lease does the work. Bean-managed transactions: no transaction around the
 * work.
 */
@ManagedExecutorDefinition(name = AnsweringExecutors.RULES, maxAsync = AnsweringExecutors.RULES_THREADS)
@ManagedExecutorDefinition(name = AnsweringExecutors.MODEL, maxAsync = AnsweringExecutors.MODEL_THREADS)
@ManagedExecutorDefinition(name = AnsweringExecutors.GATE, maxAsync = AnsweringExecutors.GATE_THREADS)
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class PipelineRecovery {

    static final long FIRST_RUN_MILLIS = 2_000;
    static final long INTERVAL_MILLIS = 5_000;
    static final String LEASE_NAME = "timer:pipeline-recovery";
    /** Three missed ticks: then another node takes the net over. */
    static final Duration LEASE = Duration.ofMillis(3 * INTERVAL_MILLIS);
    private static final Logger LOG = Logger.getLogger(PipelineRecovery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Recovery recovery;

    @Inject
    Leases leases;

    @Inject
    PendingAnswers pending;

    @Inject
    OperatorMetrics metrics;

    @PostConstruct
    void start() {
        // Its unfinished work is what this bean exists for: it tells operators how much there is.
        metrics.pendingAnswersFrom(pending::count);
        timers.createIntervalTimer(FIRST_RUN_MILLIS, INTERVAL_MILLIS, new TimerConfig("pipeline recovery", false));
    }

    /** One node of a cluster runs the net for all; the lease moves to another when its node stops ticking. */
    @Timeout
    void resume() {
        try {
            if (!leases.hold(LEASE_NAME, LEASE)) {
                return;
            }
            recovery.pullIfDue(Instant.now());
            recovery.resume();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "resuming unfinished conversations failed; next try in a few seconds", e);
        }
    }
}
