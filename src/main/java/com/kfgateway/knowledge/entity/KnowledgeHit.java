package com.kfgateway.knowledge.entity;

/**
 * An entry found for a question, with Lucene's BM25 score and the share of the question's terms that it contains
 * (0–1): the score ranks, the coverage says whether the entry is about the question at all.
 */
public record KnowledgeHit(KnowledgeEntry entry, float score, double coverage) {
}
