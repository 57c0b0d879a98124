package com.kfgateway.knowledge.control;

import com.kfgateway.knowledge.entity.KnowledgeEntry;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One knowledge base's entries in an in-memory Lucene index, ranked by BM25. Immutable: a change to the knowledge
 * base builds a new one from the stored entries (the 25-entry FAQ takes a few milliseconds), so searching needs no
 * lock. Each entry is indexed once per {@link KnowledgeFields field}: Chinese words, Chinese character pairs and
 * English stems, its title and questions weighted above its answer.
 */
public final class KnowledgeIndex {

    private static final String ID = "id";

    private final List<KnowledgeEntry> entries;
    private final List<Set<String>> termsOfEntry = new ArrayList<>();
    private final KnowledgeFields fields;
    private final IndexSearcher searcher;

    private KnowledgeIndex(List<KnowledgeEntry> entries, KnowledgeFields fields) throws IOException {
        this.entries = List.copyOf(entries);
        this.fields = fields;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(fields.analyzer()))) {
            for (int i = 0; i < this.entries.size(); i++) {
                KnowledgeEntry entry = this.entries.get(i);
                Document document = new Document();
                document.add(new StoredField(ID, i));
                String asked = entry.title() + "\n" + entry.question();
                for (String field : fields.names()) {
                    document.add(new TextField(field + KnowledgeFields.ASKED, asked, Field.Store.NO));
                    document.add(new TextField(field + KnowledgeFields.ANSWERED, entry.answer(), Field.Store.NO));
                }
                writer.addDocument(document);
                termsOfEntry.add(terms(asked + "\n" + entry.answer()));
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    public static KnowledgeIndex of(List<KnowledgeEntry> entries) {
        return of(entries, KnowledgeFields.DEFAULT);
    }

    public static KnowledgeIndex of(List<KnowledgeEntry> entries, KnowledgeFields fields) {
        try {
            return new KnowledgeIndex(entries, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index could not be written", e);
        }
    }

    public int size() {
        return entries.size();
    }

    /** The best {@code limit} entries for the text, best first; empty when no term of it is in any entry. */
    public List<KnowledgeHit> search(String text, int limit) {
        Set<String> asked = terms(text);
        if (asked.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        try {
            ScoreDoc[] top = searcher.search(query(text), limit).scoreDocs;
            List<KnowledgeHit> hits = new ArrayList<>(top.length);
            for (ScoreDoc doc : top) {
                int index = searcher.storedFields().document(doc.doc).getField(ID).numericValue().intValue();
                hits.add(new KnowledgeHit(entries.get(index), doc.score, coverage(asked, termsOfEntry.get(index))));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory index could not be read", e);
        }
    }

    private Query query(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : fields.forText(text)) {
            for (String term : tokens(fields.analyzer(), field + KnowledgeFields.ASKED, text)) {
                query.add(new BoostQuery(new TermQuery(new Term(field + KnowledgeFields.ASKED, term)),
                        KnowledgeFields.ASKED_BOOST), BooleanClause.Occur.SHOULD);
                query.add(new TermQuery(new Term(field + KnowledgeFields.ANSWERED, term)), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * The words that say what a text is about, for coverage: the tokens of the fields for its script (Chinese
     * words and pairs, English stems), fillers left out.
     */
    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String field : fields.forText(text)) {
            for (String token : tokens(fields.analyzer(), field + KnowledgeFields.ASKED, text)) {
                if (!KnowledgeFields.isFiller(token)) {
                    terms.add(field + ":" + token);
                }
            }
        }
        return terms;
    }

    private static double coverage(Set<String> asked, Set<String> inEntry) {
        long found = asked.stream().filter(inEntry::contains).count();
        return (double) found / asked.size();
    }

    static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return tokens;
    }
}
