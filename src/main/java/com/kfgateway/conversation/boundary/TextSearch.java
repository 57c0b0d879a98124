package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.search.IndexFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/** What the console's search asks the message texts: which conversations said this, from the index. */
@ApplicationScoped
public class TextSearch {

    @Inject
    IndexFeed feed;

    /**
     * The ids of the conversations with a message or a nickname that contains {@code text}, ignoring case; empty while
     * the index cannot answer (still catching up after start-up, or failing), and then the caller reads the table.
     */
    public Optional<Set<Long>> conversationsMatching(String text) {
        return feed.conversationsMatching(text);
    }
}
