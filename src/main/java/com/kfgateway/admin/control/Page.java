package com.kfgateway.admin.control;

import java.util.List;

/** One page of a keyset-paged list: the rows, and the tokens for the pages before and after (null when none). */
public record Page<T>(List<T> rows, String previous, String next) {

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public List<T> getRows() {
        return rows;
    }

    public String getPrevious() {
        return previous;
    }

    public String getNext() {
        return next;
    }
}
