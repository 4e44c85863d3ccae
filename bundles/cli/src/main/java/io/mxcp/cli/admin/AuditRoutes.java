package io.mxcp.cli.admin;

import static io.mxcp.cli.admin.JsonSchema.anyObject;
import static io.mxcp.cli.admin.JsonSchema.arrayOf;
import static io.mxcp.cli.admin.JsonSchema.dateTime;
import static io.mxcp.cli.admin.JsonSchema.enumOf;
import static io.mxcp.cli.admin.JsonSchema.mapOf;
import static io.mxcp.cli.admin.JsonSchema.nullable;
import static io.mxcp.cli.admin.JsonSchema.object;
import static io.mxcp.cli.admin.JsonSchema.string;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.cli.admin.Operation.QueryParameter;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.ProjectException;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * The routes over the served profile's audit log: {@code GET /audit/query} (records, newest first, filtered and
 * paged) and {@code GET /audit/stats} (counts over a time window). A disabled audit log answers empty.
 */
final class AuditRoutes {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** The chain fields are the log's own business, not the API's. */
    private static final Set<String> HIDDEN = Set.of("prev_hash", "record_hash", "signature");
    /** Fields the original turns into null when empty. */
    private static final Set<String> NULL_WHEN_EMPTY = Set.of("input_data", "policies_evaluated",
            "business_context", "execution_events");

    private final AdminContext server;

    AuditRoutes(AdminContext server) {
        this.server = server;
    }

    private static final QueryParameter START_TIME = new QueryParameter("start_time",
            dateTime("Records at or after this time (ISO-8601; without an offset: UTC)"));
    private static final QueryParameter END_TIME = new QueryParameter("end_time",
            dateTime("Records at or before this time (ISO-8601; without an offset: UTC)"));
    private static final Map<String, Object> QUERY = object()
            .with("records", arrayOf(anyObject("An audit record's fields (spec 03 §3.3) without the hash chain; "
                    + "timestamp in UTC with +00:00"), "Newest first"))
            .with("count", JsonSchema.integer("Records in this answer"))
            .schema("Audit records");
    private static final Map<String, Object> STATS = object()
            .with("total_records", nullable(JsonSchema.integer("Null when the log cannot be read (read_error)")))
            .with("by_type", mapOf(JsonSchema.integer(null), "Records by operation type"))
            .with("by_status", mapOf(JsonSchema.integer(null), "Records by operation status"))
            .with("by_policy", mapOf(JsonSchema.integer(null),
                    "Records by policy decision (records without one not counted)"))
            .with("earliest_timestamp", nullable(dateTime("The oldest record's time, UTC with +00:00")))
            .with("latest_timestamp", nullable(dateTime("The newest record's time, UTC with +00:00")))
            .with("read_error", nullable(string("Why the log cannot be read now (the counts are then empty); the "
                    + "backends' states still say how writing goes")))
            .with("records_queued", JsonSchema.integer("Records taken for the log that no backend has written yet "
                    + "(held in memory: what a crash now would lose)"))
            .with("backends", arrayOf(object()
                    .with("backend", string("The backend's name in audit.backends"))
                    .with("path", string("Where it keeps the log (the SQLite backend: its database file)"))
                    .with("state", enumOf("ok: it took the last records; failing: the other backends take them;"
                            + " idle: nothing written yet", "ok", "failing", "idle"))
                    .with("failing_since", nullable(dateTime("When its failure began, UTC with +00:00")))
                    .with("error", nullable(string("Why it fails")))
                    .with("records_behind", JsonSchema.integer("Records the others took that it still lacks"))
                    .schema("One audit backend as the server's writer finds it"),
                    "How each backend of the profile takes the server's records now"))
            .schema("Counts over the audit log");

    void addTo(RouteTable table) {
        table.add("GET", "/audit/query", Operation.json("Query the audit log", "Failed to query audit logs", QUERY)
                .with(new QueryParameter("schema_name", string("Records of this audit schema")), START_TIME,
                        END_TIME, new QueryParameter("operation_type",
                                string("tool, resource or prompt (calls), or request (refused requests)")),
                        new QueryParameter("operation_name",
                                string("The endpoint's name, or a refused request's JSON-RPC method")),
                        new QueryParameter("operation_status", string("success or error")),
                        new QueryParameter("user_id", string("The caller's user id")),
                        new QueryParameter("trace_id", string("The call's trace id")),
                        new QueryParameter("limit", bounded(DEFAULT_LIMIT, 1, MAX_LIMIT, "Records at most")),
                        new QueryParameter("offset", bounded(0, 0, null, "Records to skip"))), this::query)
                .add("GET", "/audit/stats", Operation.json("Count the audit log's records", "Failed to get audit stats",
                        STATS).with(START_TIME, END_TIME), this::stats);
    }

    private static Map<String, Object> bounded(int fallback, int least, Integer most, String description) {
        Map<String, Object> schema = JsonSchema.integer(description);
        schema.put("default", fallback);
        schema.put("minimum", least);
        if (most != null) {
            schema.put("maximum", most);
        }
        return schema;
    }

    private Map<String, Object> query(HttpRequest request) throws Exception {
        Map<String, String> parameters = request.query();
        int limit = integer(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE);
        String schema = parameters.get("schema_name");
        AuditQuery filter = new AuditQuery(single(parameters, "operation_type"), single(parameters, "operation_name"),
                single(parameters, "operation_status"), List.of(), single(parameters, "user_id"), List.of(),
                single(parameters, "trace_id"), instant(parameters, "start_time"), instant(parameters, "end_time"),
                // the schema is not a filter of the trail: then page after filtering it here
                schema != null ? 0 : (int) Math.min((long) limit + offset, Integer.MAX_VALUE));
        List<Map<String, Object>> records = read(filter).stream()
                .filter(record -> schema == null || schema.equals(record.schemaName()))
                .skip(offset).limit(limit).map(AuditRoutes::fields).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", records);
        body.put("count", records.size());
        return body;
    }

    /**
     * The counts, and each backend's state. A log that cannot be read (its folder gone, a backend failing) still
     * answers with the states: that is when an operator needs them.
     */
    private Map<String, Object> stats(HttpRequest request) throws Exception {
        Map<String, String> parameters = request.query();
        AuditQuery window = new AuditQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), instant(parameters, "start_time"), instant(parameters, "end_time"), 0);
        AuditTrail trail = server.project().get().auditTrail();
        AuditCounts counts = new AuditCounts();
        String readError = null;
        try {
            if (trail.enabled()) {
                counts = trail.collect(window, AuditCounts.collector());
            }
        } catch (ProjectException e) {
            readError = e.getMessage();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_records", readError == null ? counts.total() : null);
        body.put("by_type", counts.byType());
        body.put("by_status", counts.byStatus());
        body.put("by_policy", counts.byPolicy());
        body.put("earliest_timestamp", UtcTime.offset(counts.earliest()));
        body.put("latest_timestamp", UtcTime.offset(counts.latest()));
        body.put("read_error", readError);
        body.put("records_queued", trail.enabled() ? trail.recordsQueued() : 0);
        body.put("backends", trail.enabled() ? trail.backends().stream().map(AuditRoutes::backend).toList() : List.of());
        return body;
    }

    /** Ours: how the server's writer finds each backend of the profile's audit.backends. */
    private static Map<String, Object> backend(AuditTrail.BackendState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("backend", state.backend());
        fields.put("path", state.path().toString());
        fields.put("state", state.state());
        fields.put("failing_since", UtcTime.offset(state.failingSince()));
        fields.put("error", state.error());
        fields.put("records_behind", state.recordsBehind());
        return fields;
    }

    private List<AuditRecord> read(AuditQuery filter) throws ProjectException {
        AuditTrail trail = server.project().get().auditTrail();
        return trail.enabled() ? trail.query(filter) : List.of();
    }

    /** The record's §3.3 fields in schema order, without the chain ones. */
    private static Map<String, Object> fields(AuditRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        record.fields().forEach((key, value) -> {
            if (!HIDDEN.contains(key)) {
                fields.put(key, NULL_WHEN_EMPTY.contains(key) && empty(value) ? null : value);
            }
        });
        fields.put("timestamp", UtcTime.offset(record.timestamp()));
        return fields;
    }

    private static boolean empty(Object value) {
        return value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty();
    }

    private static List<String> single(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null ? List.of() : List.of(value);
    }

    private static int integer(Map<String, String> parameters, String name, int fallback, int least, int most)
            throws InvalidParameterException {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, value, "Input should be a valid integer");
        }
        throw new InvalidParameterException(name, value, most == Integer.MAX_VALUE
                ? "Input should be greater than or equal to " + least
                : "Input should be between " + least + " and " + most);
    }

    /** An ISO-8601 date-time; one without an offset is read as UTC, as the log's timestamps are. */
    private static Instant instant(Map<String, String> parameters, String name) throws InvalidParameterException {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException(name, value, "Input should be a valid datetime");
            }
        }
    }
}
