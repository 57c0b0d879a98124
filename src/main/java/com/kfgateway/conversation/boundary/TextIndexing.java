package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.search.IndexFeed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Keeps the text search index level with the message table: catches up shortly after start-up (in the background,
 * deployment does not wait for it) and then every few seconds, for customer messages and our own answers alike.
 * Non-persistent timer; it only delegates to {@link IndexFeed}, which logs its own failures. Bean-managed
 * transactions: each batch it reads has its own.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TextIndexing {

    static final long FIRST_RUN_MILLIS = 1_000;
    static final long INTERVAL_MILLIS = 5_000;

    @Resource
    TimerService timers;

    @Inject
    IndexFeed feed;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(FIRST_RUN_MILLIS, INTERVAL_MILLIS, new TimerConfig("text indexing", false));
    }

    @Timeout
    void catchUp() {
        feed.catchUp(Instant.now());
    }
}
