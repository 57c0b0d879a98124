/**
 * The text index behind the console's search over message texts: a Lucene index of character pairs beside the
 * database ({@code conversation.search-index-dir}), so a substring of Chinese or English text is found without
 * scanning the message table. {@link com.kfgateway.conversation.control.search.IndexFeed} fills it from the table
 * after the fact (a mark by stored time, catch-up at start-up and every few seconds) and answers with conversation
 * ids; {@code TextGrams} is the matching rule. The database stays the truth: the index can be deleted at any time
 * and is rebuilt. Not here: which conversations to show and in what order (admin's ConversationSearch pages them),
 * nicknames (searched in the conversation table).
 */
package com.kfgateway.conversation.control.search;
