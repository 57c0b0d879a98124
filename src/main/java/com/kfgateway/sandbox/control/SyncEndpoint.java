package com.kfgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * kf/sync_msg. The cursor is an opaque position in one corp-wide log, so it works whether the product keeps one
 * cursor per corp or one per open_kfid. Items older than 3 days and items of accounts the app may not manage are never
 * served. A {@code token} must be one a callback carried within 10 minutes (else 95007); calls without one are
 * allowed (WeCom rate-limits them; the limit is unpublished, so the simulator does not enforce one).
 * A cursor the simulator never issued and a limit above 1000 answer 40058 (WeCom's codes for these are UNCONFIRMED).
 */
final class SyncEndpoint {

    private static final Duration WINDOW = Duration.ofDays(3);
    private static final String CURSOR_PREFIX = "4gw7M";

    private final CorpState state;

    SyncEndpoint(CorpState state) {
        this.state = state;
    }

    JsonObject sync(ApiRequest request) {
        checkToken(request.text("token"));
        long after = position(request.text("cursor"));
        long limit = request.number("limit", 1000);
        long voiceFormat = request.number("voice_format", 0);
        if (limit < 0 || limit > 1000 || (voiceFormat != 0 && voiceFormat != 1)) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "invalid limit or voice_format");
        }
        String onlyAccount = request.text("open_kfid");
        if (onlyAccount != null && !onlyAccount.isEmpty()) {
            state.account(onlyAccount);
        } else {
            onlyAccount = null;
        }
        int pageSize = (int) Math.min(limit == 0 ? 1000 : limit, state.pageSize);
        List<SyncItem> visible = visibleAfter(after, onlyAccount);
        List<SyncItem> page = visible.subList(0, Math.min(pageSize, visible.size()));
        boolean hasMore = visible.size() > page.size();
        return page(page, page.isEmpty() ? after : page.get(page.size() - 1).seq(), hasMore);
    }

    private void checkToken(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        Instant issued = state.syncTokens.get(token);
        if (issued == null || !state.now().isBefore(issued.plus(CorpState.SYNC_TOKEN_VALIDITY))) {
            throw new ApiError(ApiError.INVALID_SYNC_TOKEN, "invalid msg token");
        }
    }

    private List<SyncItem> visibleAfter(long after, String onlyAccount) {
        Instant oldest = state.now().minus(WINDOW);
        return state.syncLog.stream()
                .filter(item -> item.seq() > after)
                .filter(item -> item.sendTime().isAfter(oldest))
                .filter(item -> onlyAccount == null || onlyAccount.equals(item.openKfid()))
                .filter(item -> state.accounts.get(item.openKfid()).managePrivilege)
                .toList();
    }

    private static JsonObject page(List<SyncItem> items, long nextPosition, boolean hasMore) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        items.forEach(item -> list.add(item.json()));
        return Json.createObjectBuilder()
                .add("next_cursor", cursorAt(nextPosition))
                .add("has_more", hasMore ? 1 : 0)
                .add("msg_list", list)
                .build();
    }

    /** The cursor a page ending at this position of the log hands out. */
    static String cursorAt(long position) {
        return CURSOR_PREFIX + Long.toString(position, 36);
    }

    /** The log position a cursor names: 0 for none, 40058 for one the simulator never issued. */
    static long position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.startsWith(CURSOR_PREFIX)) {
            try {
                return Long.parseLong(cursor.substring(CURSOR_PREFIX.length()), 36);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new ApiError(ApiError.INVALID_PARAMETER, "invalid cursor");
    }
}
