package io.mxcp.audit.sqlite;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditRecord;

/** Audit records for the tests, differing in the fields queries filter on. */
final class Records {

    static final String ENDPOINTS = "mxcp.endpoints";

    private Records() {
    }

    /** A successful {@code greet} tool call of alice's. */
    static AuditRecord record(String id, Instant timestamp) {
        return record(id, timestamp, ENDPOINTS);
    }

    static AuditRecord record(String id, Instant timestamp, String schemaName) {
        return new Call(id, timestamp).schema(schemaName).build();
    }

    /** A record whose filtered fields are set one by one. */
    static final class Call {

        private final String id;
        private final Instant timestamp;
        private String schemaName = ENDPOINTS;
        private int schemaVersion = 1;
        private String type = "tool";
        private String name = "greet";
        private String status = "success";
        private String decision = "allow";
        private String user = "alice";
        private String session;
        private String trace;

        Call(String id, Instant timestamp) {
            this.id = id;
            this.timestamp = timestamp;
        }

        Call schema(String schemaName) {
            this.schemaName = schemaName;
            return this;
        }

        Call version(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        Call type(String type) {
            this.type = type;
            return this;
        }

        Call name(String name) {
            this.name = name;
            return this;
        }

        Call status(String status) {
            this.status = status;
            return this;
        }

        Call decision(String decision) {
            this.decision = decision;
            return this;
        }

        Call user(String user) {
            this.user = user;
            return this;
        }

        Call session(String session) {
            this.session = session;
            return this;
        }

        Call trace(String trace) {
            this.trace = trace;
            return this;
        }

        AuditRecord build() {
            return new AuditRecord(schemaName, schemaVersion, id, timestamp, type, name, status, 12, "http", user,
                    session, trace, Map.of("name", id), "hi " + id, null, List.of(), decision, null, Map.of(),
                    List.of(), null, null, null);
        }
    }
}
