package com.kfgateway.knowledge.boundary;

import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.util.Optional;

/** What the assistant asks of the knowledge base: the entry sure enough to answer a question by itself. */
public interface KnowledgeLookup {

    /** Empty when no entry is sure enough, or the account has no knowledge. */
    Optional<KnowledgeHit> confidentAnswer(String openKfid, String text);
}
