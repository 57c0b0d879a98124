package com.kfgateway.knowledge.control;

import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.util.List;

/**
 * Whether the best entry may answer the customer by itself, without a model to judge. Either it contains at least
 * {@code minCoverage} of the question's words and scores at least {@code minScoreCovered} (BM25), or it scores at
 * least {@code minScoreAlone} and {@code minLead} times the runner-up (a question worded unlike the entry that still
 * points at one entry and no other). Below both, the caller says it cannot answer, or hands over: a wrong answer
 * given with confidence is worse than none. The evaluation (README "Knowledge base") chose {@link #DEFAULT} on the
 * sandbox shop's question set.
 */
public record AnswerConfidence(double minCoverage, float minScoreCovered, float minScoreAlone, float minLead) {

    public static final AnswerConfidence DEFAULT = new AnswerConfidence(0.5, 3.5f, 9.5f, 2.5f);

    /** {@code hits} best first, as {@link KnowledgeIndex#search} returns them. */
    public boolean confident(List<KnowledgeHit> hits) {
        if (hits.isEmpty()) {
            return false;
        }
        KnowledgeHit best = hits.get(0);
        if (best.coverage() >= minCoverage && best.score() >= minScoreCovered) {
            return true;
        }
        float runnerUp = hits.size() < 2 ? 0f : hits.get(1).score();
        return best.score() >= minScoreAlone && best.score() >= minLead * runnerUp;
    }
}
