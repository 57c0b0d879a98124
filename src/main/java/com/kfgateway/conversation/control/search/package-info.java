/**
 * The text index behind the console's search over message texts and nicknames: a Lucene index of character pairs
 * beside the database ({@code conversation.search-index-dir}), so a substring of Chinese or English text is found
 * without scanning the message or conversation table. {@link com.kfgateway.conversation.control.search.IndexFeed} fills
 * it from the table after the fact (a mark by stored time, and by fetch time for nicknames; catch-up at start-up and
 * every few seconds) and answers with conversation ids; {@code TextGrams} is the matching rule. The database stays the
 * truth: the index can be deleted at any time and is rebuilt. Not here: which conversations to show and in what order
 * (admin's ConversationSearch pages them), the exact user id (an indexed column).
 */
package com.kfgateway.conversation.control.search;
