package io.mxcp.cli.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditRecord;

/** Builds audit records for tests: a successful 12 ms call over HTTP by nobody known, unless told otherwise. */
public final class AuditRecordBuilder {

    private final String id;
    private final String type;
    private final String name;
    private final Instant at;
    private String status = "success";
    private String error;
    private long durationMs = 12;
    private String userId;
    private String sessionId;
    private String policyDecision;
    private Map<String, Object> input = Map.of();
    private Object output;
    private Map<String, Object> businessContext = Map.of();
    private String prevHash;
    private String recordHash;

    private AuditRecordBuilder(String id, String type, String name, Instant at) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.at = at;
    }

    /** A call of the {@code type} endpoint {@code name} that ended at {@code at}. */
    public static AuditRecordBuilder call(String id, String type, String name, String at) {
        return new AuditRecordBuilder(id, type, name, Instant.parse(at));
    }

    public AuditRecordBuilder failed(String message) {
        status = "error";
        error = message;
        return this;
    }

    public AuditRecordBuilder took(long milliseconds) {
        durationMs = milliseconds;
        return this;
    }

    public AuditRecordBuilder by(String user, String session) {
        userId = user;
        sessionId = session;
        return this;
    }

    public AuditRecordBuilder policy(String decision) {
        policyDecision = decision;
        return this;
    }

    public AuditRecordBuilder data(Map<String, Object> arguments, Object result) {
        input = arguments;
        output = result;
        return this;
    }

    public AuditRecordBuilder context(Map<String, Object> fields) {
        businessContext = fields;
        return this;
    }

    public AuditRecordBuilder chained(String previous, String own) {
        prevHash = previous;
        recordHash = own;
        return this;
    }

    public AuditRecord build() {
        return new AuditRecord("mxcp.endpoints", 2, id, at, type, name, status, durationMs, "http", userId, sessionId,
                null, input, output, error, List.of(), policyDecision, null, businessContext, List.of(), prevHash,
                recordHash, null);
    }
}
