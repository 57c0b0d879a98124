package com.kfgateway.conversation.control.answering;

/**
 * The two executors conversations are answered on, sized for what the assistant does (the definitions are on
 * {@code PipelineRecovery}, a component the container scans for them). The rules engine is CPU work of a fraction of
 * a millisecond between short transactions: a few threads, fewer than the JDBC pool's 20 connections, keep both
 * cores busy, where two hundred only queued for connections and sequence blocks. A model's answer is seconds of
 * waiting on the network: 100 customers at once must be 100 calls in flight, so that pool is large and its threads
 * mostly sleep.
 */
public final class AnsweringExecutors {

    public static final String RULES = "java:app/concurrent/kf-answering-rules";
    public static final int RULES_THREADS = 8;
    public static final String MODEL = "java:app/concurrent/kf-answering-model";
    public static final int MODEL_THREADS = 128;

    private AnsweringExecutors() {
    }
}
