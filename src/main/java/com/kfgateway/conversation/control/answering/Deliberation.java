package com.kfgateway.conversation.control.answering;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.conversation.control.answering.SessionGate.Verdict;
import com.kfgateway.conversation.entity.Conversation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * A turn's two questions, "may the bot speak?" and "what does it say?", asked in the cheapest order. When the stored
 * state answers the first, or the assistant is the rules engine (a fraction of a millisecond), one after the other,
 * and a silenced bot never asks the assistant. When the gate must call WeCom and the answer comes from a model, both
 * at once: the claim or read (tens of milliseconds, and in a burst a queue of them) runs on the gate's executor
 * during the model's seconds instead of before them, so a hundred customers' model calls all start at once. The
 * price is a model answer thrown away when WeCom says the session is no longer the bot's, which the note records.
 */
@ApplicationScoped
class Deliberation {

    /** {@code answer} is null when the bot must stay silent; {@code verdict.silence()} says why. */
    record Outcome(Verdict verdict, Answer answer) {
    }

    @Resource(lookup = AnsweringExecutors.GATE)
    ManagedExecutorService gateExecutor;

    @Inject
    SessionGate gate;

    @Inject
    Assistant assistant;

    Outcome of(AnswerStore.Pending pending) {
        Conversation conversation = pending.conversation();
        Verdict known = gate.fromStoredState(conversation);
        if (known == null && assistant.modelAnswers()) {
            Future<Verdict> asked = askGate(conversation);
            if (asked != null) {
                Answer answer = assistant.answer(pending.question());
                Verdict verdict = await(asked);
                if (verdict.silence() != null) {
                    return new Outcome(new Verdict(verdict.silence() + " (WeCom said so while the model answered;"
                            + " its answer was not sent)", verdict.note()), null);
                }
                return new Outcome(verdict, answer);
            }
        }
        Verdict verdict = known != null ? known : gate.check(conversation);
        return verdict.silence() != null ? new Outcome(verdict, null)
                : new Outcome(verdict, assistant.answer(pending.question()));
    }

    /** Null when the executor is saturated or shutting down: then the gate is asked on this thread, first. */
    private Future<Verdict> askGate(Conversation conversation) {
        try {
            return gateExecutor.submit(() -> gate.check(conversation));
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static Verdict await(Future<Verdict> asked) {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while WeCom was asked for the session state", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("asking WeCom for the session state failed", e.getCause());
        }
    }
}
