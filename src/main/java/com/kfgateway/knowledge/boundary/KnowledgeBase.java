package com.kfgateway.knowledge.boundary;

import com.kfgateway.knowledge.control.AnswerConfidence;
import com.kfgateway.knowledge.control.FaqMarkdown;
import com.kfgateway.knowledge.control.KnowledgeIndex;
import com.kfgateway.knowledge.entity.KnowledgeChunk;
import com.kfgateway.knowledge.entity.KnowledgeDocument;
import com.kfgateway.knowledge.entity.KnowledgeEntry;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Each KF account's knowledge base: its documents and entries in the database, searched through an in-memory
 * Lucene index built from those rows. An index is built on first use and rebuilt after a change here, or once it is
 * {@link #FRESH_FOR} old, so a change made on another node reaches this one within that time; a restart loses
 * nothing. Searching holds no transaction and no lock.
 */
@ApplicationScoped
public class KnowledgeBase implements KnowledgeLookup {

    /** How long an index is trusted before the rows are read again (another node may have changed them). */
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    public static final String FAQ_MARKDOWN = "text/markdown; profile=faq";
    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class.getName());

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    private final Map<String, Built> indexes = new ConcurrentHashMap<>();

    private record Built(KnowledgeIndex index, Instant at) {
    }

    /** The best entries for the text, best first, with their scores; empty when the account has no knowledge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnowledgeHit> search(String openKfid, String text, int limit) {
        return index(openKfid).search(text == null ? "" : text, limit);
    }

    /** The entry that may answer by itself ({@link AnswerConfidence#DEFAULT}), with its score and coverage. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnowledgeHit> confidentAnswer(String openKfid, String text) {
        List<KnowledgeHit> hits = search(openKfid, text, 3);
        return AnswerConfidence.DEFAULT.confident(hits) ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /**
     * Adds an FAQ file to the account's knowledge base, or replaces the one of the same name, and cuts its entries.
     * Returns how many entries it gave; a file that gives none is refused and changes nothing.
     */
    @Transactional
    public int putFaq(String openKfid, String name, String markdown, String by) {
        List<KnowledgeEntry> entries = FaqMarkdown.parse(markdown);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no FAQ entry (\"## F01 title\" with 问：/答： lines)");
        }
        em.createNamedQuery(KnowledgeDocument.BY_NAME, KnowledgeDocument.class).setParameter("openKfid", openKfid)
                .setParameter("name", name).getResultList().forEach(old -> {
                    em.createNamedQuery(KnowledgeChunk.DELETE_OF_DOCUMENT).setParameter("documentId", old.getId())
                            .executeUpdate();
                    em.remove(old);
                });
        em.flush();
        KnowledgeDocument document = new KnowledgeDocument(openKfid, name, FAQ_MARKDOWN, markdown, clock.instant(),
                by);
        em.persist(document);
        em.flush();
        for (int i = 0; i < entries.size(); i++) {
            em.persist(new KnowledgeChunk(document.getId(), openKfid, i, entries.get(i)));
        }
        indexes.remove(openKfid);
        LOG.info(() -> "knowledge base of " + openKfid + ": " + name + " gave " + entries.size() + " entries");
        return entries.size();
    }

    /** Whether the account has any document (the sandbox seeds its FAQ only into an account without one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasDocuments(String openKfid) {
        return !em.createNamedQuery(KnowledgeDocument.OF_ACCOUNT, KnowledgeDocument.class)
                .setParameter("openKfid", openKfid).setMaxResults(1).getResultList().isEmpty();
    }

    private KnowledgeIndex index(String openKfid) {
        Instant now = clock.instant();
        Built built = indexes.get(openKfid);
        if (built == null || built.at().plus(FRESH_FOR).isBefore(now)) {
            List<KnowledgeEntry> entries = em.createNamedQuery(KnowledgeChunk.OF_ACCOUNT, KnowledgeChunk.class)
                    .setParameter("openKfid", openKfid).getResultList().stream().map(KnowledgeChunk::entry).toList();
            built = new Built(KnowledgeIndex.of(entries), now);
            indexes.put(openKfid, built);
        }
        return built.index();
    }
}
