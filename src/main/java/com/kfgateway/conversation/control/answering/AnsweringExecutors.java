package com.kfgateway.conversation.control.answering;

/**
 * The executors conversations are answered on, sized for what the assistant does (the definitions are on
 * {@code PipelineRecovery}, a component the container scans for them). The rules engine is CPU work of a fraction of
 * a millisecond between short transactions that {@code GroupCommit} commits together: a thread waiting for its
 * group holds no JDBC connection, and more threads make bigger groups, so fewer commits per message (32 threads
 * answered a 3,000-customer backlog on H2 at 124 msg/s where 8 did 75, and 64 no faster than 32; BacklogBenchmark).
 * A model's answer is seconds of waiting on the network: 100 customers at once must be 100 calls in flight, so that
 * pool is large and its threads mostly sleep.
 */
public final class AnsweringExecutors {

    public static final String RULES = "java:app/concurrent/kf-answering-rules";
    public static final int RULES_THREADS = 32;
    public static final String MODEL = "java:app/concurrent/kf-answering-model";
    public static final int MODEL_THREADS = 128;
    /**
     * Where the session gate calls WeCom while a model answers (see {@code Deliberation}): separate from the model
     * pool, whose threads wait on these calls, so a full model pool can never starve them.
     */
    public static final String GATE = "java:app/concurrent/kf-session-gate";
    public static final int GATE_THREADS = 16;

    private AnsweringExecutors() {
    }
}
