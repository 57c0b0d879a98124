package com.kfgateway.conversation.control.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Collects the conversation of every matching message: no scores, no top N, each conversation once. */
final class ConversationCollector extends SimpleCollector {

    static final String FIELD = "conversation";

    static final CollectorManager<ConversationCollector, Set<Long>> MANAGER = new CollectorManager<>() {
        @Override
        public ConversationCollector newCollector() {
            return new ConversationCollector();
        }

        @Override
        public Set<Long> reduce(Collection<ConversationCollector> collectors) {
            Set<Long> all = new HashSet<>();
            collectors.forEach(collector -> all.addAll(collector.found));
            return all;
        }
    };

    private final Set<Long> found = new HashSet<>();
    private NumericDocValues conversation;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        conversation = DocValues.getNumeric(context.reader(), FIELD);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (conversation.advanceExact(doc)) {
            found.add(conversation.longValue());
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
