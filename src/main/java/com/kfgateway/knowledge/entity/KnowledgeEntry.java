package com.kfgateway.knowledge.entity;

/**
 * One piece of a knowledge base that can answer a customer: an FAQ entry, or a passage of a document.
 *
 * @param sourceId where it came from, as staff name it (an FAQ entry's id such as F01, or document#passage)
 * @param title    its heading
 * @param question the questions it answers, as written (may be empty for a passage)
 * @param answer   what the customer is told
 */
public record KnowledgeEntry(String sourceId, String title, String question, String answer) {

    public KnowledgeEntry {
        title = title == null ? "" : title;
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
    }
}
