/**
 * What a KF account's own documents say, found for a customer's question: the knowledge base. Documents (an FAQ
 * file today) and the entries cut from them live in the database; {@link
 * com.kfgateway.knowledge.boundary.KnowledgeBase} searches them offline with Lucene (Chinese words and character
 * pairs, English stems, BM25) and says whether the best entry is sure enough to answer by itself
 * ({@link com.kfgateway.knowledge.control.AnswerConfidence}).
 * <p>
 * Not here: deciding who answers (the assistant asks the knowledge base after its rules), sending, and any model.
 */
package com.kfgateway.knowledge;
