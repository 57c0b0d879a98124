package com.kfgateway.wecom.control;

import java.util.List;
import jakarta.json.JsonObject;

/**
 * Every KF account from {@code kf/account/list} ({@code open_kfid, name, avatar, manage_privilege}), or the accounts
 * read before a page failed, with that page's answer in {@link #response()}.
 */
public record AccountList(List<JsonObject> accounts, WeComResponse response) {

    public boolean ok() {
        return response.ok();
    }
}
