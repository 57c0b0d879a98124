package com.kfgateway.sandbox.control;

import java.util.LinkedHashMap;
import java.util.Map;

/** A KF account (客服账号) and its servicers; the value says whether the servicer is receiving (接待中). */
final class Account {

    final String openKfid;
    final String name;
    /** Changes when the corp's admin grants the account to the app or takes it away; guarded by the simulator. */
    boolean managePrivilege;
    final Map<String, Boolean> servicers = new LinkedHashMap<>();

    Account(String openKfid, String name, boolean managePrivilege) {
        this.openKfid = openKfid;
        this.name = name;
        this.managePrivilege = managePrivilege;
    }

    boolean hasServicer(String userid) {
        return servicers.containsKey(userid);
    }

    boolean isReceiving(String userid) {
        return Boolean.TRUE.equals(servicers.get(userid));
    }

    String firstReceivingServicer() {
        return servicers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
