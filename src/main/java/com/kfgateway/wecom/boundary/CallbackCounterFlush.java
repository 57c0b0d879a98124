package com.kfgateway.wecom.boundary;

import com.kfgateway.wecom.control.CallbackTally;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Adds what the callback endpoint counted to the stored counts every few seconds (the doctor also stores them before
 * it reads): the request path never writes, and a crash or a stop loses at most the last few seconds' counts. When
 * the database is away the counts wait in memory for the next run.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class CallbackCounterFlush {

    static final long EVERY_MS = 5_000;

    @Resource
    TimerService timers;

    @Inject
    CallbackTally tally;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(EVERY_MS, EVERY_MS, new TimerConfig("callback-counters", false));
    }

    @Timeout
    void flush() {
        tally.store();
    }
}
