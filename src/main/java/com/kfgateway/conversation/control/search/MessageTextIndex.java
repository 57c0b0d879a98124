package com.kfgateway.conversation.control.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of message texts, one document per message: its id (to replace it when read again), its
 * conversation (what a search returns) and its text as character pairs ({@link TextGrams}); and one per
 * conversation with a nickname, replaced when the nickname is fetched again. The text itself is not
 * stored: the database keeps it. How far the table was read is committed with the documents, in the commit's user
 * data, so the index and its mark never disagree after a crash.
 */
final class MessageTextIndex implements Closeable {

    static final String SETTLED = "settled";
    static final String HIGHEST_ID = "highest-id";
    static final String HIGHEST_MSGID = "highest-msgid";
    static final String NICKNAMES_SETTLED = "nicknames-settled";
    private static final String ID = "id";
    private static final FieldType PAIRS = pairs();

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> committed;
    /** Messages up to this id may be in the index already (an earlier run): those are replaced, not added. */
    private final long replaceUpTo;

    private MessageTextIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        this.committed = Map.copyOf(data);
        this.replaceUpTo = Long.parseLong(committed.getOrDefault(HIGHEST_ID, "0"));
    }

    /** Opens the index in the directory, or starts an empty one; {@code fresh} replaces whatever is there. */
    static MessageTextIndex open(Path directory, boolean fresh) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(TextGrams.analyzer())
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Small: the container's heap is shared with everything else (the tests run with 384 MB).
                .setRAMBufferSizeMB(16)
                // Only commit() commits, with the mark: documents never become durable ahead of it.
                .setCommitOnClose(false);
        return new MessageTextIndex(new IndexWriter(FSDirectory.open(directory), config));
    }

    /** The user data of the commit the index was opened at; empty for a new index. */
    Map<String, String> committed() {
        return committed;
    }

    void add(Collection<StoredText> rows) throws IOException {
        for (StoredText row : rows) {
            if (!row.searchable()) {
                continue;
            }
            Term id = new Term(ID, "m" + row.id());
            if (row.id() <= replaceUpTo) {
                writer.updateDocument(id, document(id, row));
            } else {
                writer.addDocument(document(id, row));
            }
        }
        searchers.maybeRefresh();
    }

    /** Conversations' nicknames as they are now: each replaces the one before, none removes it. */
    int nicknames(Collection<StoredText> conversations) throws IOException {
        for (StoredText conversation : conversations) {
            Term id = new Term(ID, "n" + conversation.conversationId());
            if (conversation.searchable()) {
                writer.updateDocument(id, document(id, conversation));
            } else {
                writer.deleteDocuments(id);
            }
        }
        searchers.maybeRefresh();
        return conversations.size();
    }

    private static Document document(Term id, StoredText row) {
        Document document = new Document();
        document.add(new StringField(ID, id.text(), Field.Store.NO));
        document.add(new NumericDocValuesField(ConversationCollector.FIELD, row.conversationId()));
        document.add(new Field(TextGrams.FIELD, row.text(), PAIRS));
        return document;
    }

    /** Makes what was added durable, together with the mark that says how far the table was read. */
    void commit(IndexMark mark, IndexMark nicknames, String highestMsgid) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SETTLED, mark.settled().toString());
        data.put(NICKNAMES_SETTLED, nicknames.settled().toString());
        data.put(HIGHEST_ID, Long.toString(mark.highestId()));
        if (highestMsgid != null) {
            data.put(HIGHEST_MSGID, highestMsgid);
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** The conversations with a message or a nickname that contains the search (see {@link TextGrams}). */
    Set<Long> conversationsMatching(String search) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.search(TextGrams.query(search), ConversationCollector.MANAGER);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        writer.getDirectory().close();
    }

    private static FieldType pairs() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        // No scoring: a search asks which conversations match, not how well.
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
