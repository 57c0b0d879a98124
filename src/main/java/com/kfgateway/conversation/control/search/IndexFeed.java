package com.kfgateway.conversation.control.search;

import com.kfgateway.conversation.control.ConversationConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the text index level with the message table (and the conversations' nicknames) and answers searches from
 * it. The table is the truth: a pass reads what was stored since the mark ({@link IndexMark}) in batches, each in its
 * own read transaction, and the mark moves only with a Lucene commit. Indexing happens after messages are stored, never
 * in the transaction that stores them, so a failure here can neither lose nor delay a message; it only sends searches
 * back to the table ({@link #conversationsMatching} answers empty) until a later pass succeeds. Until the first pass
 * after start-up has finished the index does not answer either: a half-built index would miss conversations.
 */
@ApplicationScoped
public class IndexFeed {

    static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 50_000;
    private static final Duration COMMIT_AT_LEAST_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(IndexFeed.class.getName());

    @Inject
    StoredTexts texts;

    @Inject
    ConversationConfig config;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile MessageTextIndex index;
    private volatile boolean ready;
    private IndexMark mark;
    private IndexMark nicknames;
    private Instant committedAt = Instant.EPOCH;
    private long uncommitted;

    /** One pass over everything stored since the mark; false when another pass was running or this one failed. */
    public boolean catchUp(Instant now) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            long started = System.nanoTime();
            boolean first = index == null;
            if (first) {
                open();
            }
            Instant horizon = IndexMark.horizon(now);
            long messages = readSince(mark, texts::after, rows -> feed(rows, horizon), horizon, now);
            long names = readSince(nicknames, texts::nicknamesAfter, rows -> feedNicknames(rows, horizon), horizon,
                    now);
            mark.settle(horizon, null);
            nicknames.settle(horizon, null);
            if (uncommitted > 0 || committedAt.plus(COMMIT_AT_LEAST_EVERY).isBefore(now)) {
                commit(now);
            }
            if (!ready) {
                ready = true;
                long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
                LOG.info(() -> "Search index ready: " + (first ? "opened and " : "") + "caught up in " + took
                        + " ms (" + messages + " message(s), " + names + " nickname(s) read)");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Indexing message texts failed; text search reads the message table until a "
                    + "later pass succeeds (every few seconds)", e);
            drop();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The conversations with a message or a nickname containing the text; empty when the index cannot answer, and
     * the caller searches the table. Nicknames are as fresh as the last pass (a few seconds). First indexes what
     * arrived since the last pass, so a message stored a moment ago is found.
     */
    public Optional<Set<Long>> conversationsMatching(String text) {
        MessageTextIndex current = index;
        if (!ready || current == null) {
            return Optional.empty();
        }
        try {
            catchUpNewest();
            return Optional.of(current.conversationsMatching(text));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The search index could not answer; searching the message table instead", e);
            return Optional.empty();
        }
    }

    public boolean ready() {
        return ready;
    }

    /** Reads every row after the mark, in batches; commits now and then so a restart resumes near here. */
    private long readSince(IndexMark from, Rows source, Sink sink, Instant horizon, Instant now) throws IOException {
        Instant at = from.settled();
        long id = Long.MAX_VALUE;
        long read = 0;
        while (true) {
            List<StoredText> rows = source.after(at, id, BATCH);
            read += rows.size();
            if (rows.isEmpty()) {
                return read;
            }
            uncommitted += sink.take(rows);
            at = rows.get(rows.size() - 1).storedAt();
            id = rows.get(rows.size() - 1).id();
            if (uncommitted >= COMMIT_EVERY) {
                from.settle(horizon, at);
                commit(now);
            }
            if (rows.size() < BATCH) {
                return read;
            }
        }
    }

    private interface Rows {
        List<StoredText> after(Instant at, long id, int max);
    }

    private interface Sink {
        /** How many documents it wrote. */
        int take(List<StoredText> rows) throws IOException;
    }

    /** Rows with an id above any indexed: usually none, read by primary key. Skipped while a pass runs. */
    private void catchUpNewest() throws IOException {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (index != null) {
                uncommitted += feed(texts.above(mark.highestId(), BATCH), IndexMark.horizon(Instant.now()));
            }
        } finally {
            lock.unlock();
        }
    }

    private int feed(List<StoredText> rows, Instant horizon) throws IOException {
        List<StoredText> fresh = rows.stream().filter(row -> !mark.seen(row.id())).toList();
        index.add(fresh);
        fresh.forEach(row -> mark.read(row.id(), row.storedAt(), horizon));
        return fresh.size();
    }

    /**
     * Every pass reads the last {@link IndexMark#GRACE} again; a nickname indexed as fetched then is not indexed
     * again (during a backlog of new customers that re-indexing was a tenth of the server's CPU).
     */
    private int feedNicknames(List<StoredText> rows, Instant horizon) throws IOException {
        List<StoredText> fresh = rows.stream().filter(row -> !nicknames.seen(row.id(), row.storedAt())).toList();
        int written = index.nicknames(fresh);
        fresh.forEach(row -> nicknames.read(row.id(), row.storedAt(), horizon));
        return written;
    }

    private void open() throws IOException {
        Files.createDirectories(config.searchIndexDir());
        MessageTextIndex opened;
        try {
            opened = MessageTextIndex.open(config.searchIndexDir(), false);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IOException(config.searchIndexDir() + " is in use by another process: every running gateway "
                    + "needs its own conversation.search-index-dir", e);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The search index in " + config.searchIndexDir() + " cannot be read; rebuilding "
                    + "it from the message table", e);
            opened = MessageTextIndex.open(config.searchIndexDir(), true);
        }
        Map<String, String> data = opened.committed();
        if (!builtFromThisDatabase(data)) {
            LOG.info("The search index in " + config.searchIndexDir() + " was built from another database; "
                    + "rebuilding it from the message table");
            opened.close();
            opened = MessageTextIndex.open(config.searchIndexDir(), true);
            data = Map.of();
        }
        mark = new IndexMark(Instant.parse(data.getOrDefault(MessageTextIndex.SETTLED, Instant.EPOCH.toString())),
                Long.parseLong(data.getOrDefault(MessageTextIndex.HIGHEST_ID, "0")));
        nicknames = new IndexMark(Instant.parse(data.getOrDefault(MessageTextIndex.NICKNAMES_SETTLED,
                Instant.EPOCH.toString())), 0);
        index = opened;
    }

    /** The message the index saw last is still there under the same id (not a restored or another database). */
    private boolean builtFromThisDatabase(Map<String, String> data) {
        long highest = Long.parseLong(data.getOrDefault(MessageTextIndex.HIGHEST_ID, "0"));
        return highest == 0 || data.getOrDefault(MessageTextIndex.HIGHEST_MSGID, "").equals(texts.msgidOf(highest));
    }

    private void commit(Instant now) throws IOException {
        index.commit(mark, nicknames, mark.highestId() == 0 ? null : texts.msgidOf(mark.highestId()));
        committedAt = now;
        uncommitted = 0;
    }

    private void drop() {
        ready = false;
        MessageTextIndex broken = index;
        index = null;
        mark = null;
        nicknames = null;
        uncommitted = 0;
        if (broken != null) {
            try {
                broken.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing the failed search index", e);
            }
        }
    }

    @PreDestroy
    public void close() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }
}
