package io.mxcp.audit.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * The columns a row keeps beside its record for the query filters. They are not part of the record's hash, so a
 * column changed by hand could hide a record from a filtered {@code mxcp log} while the record itself still checks;
 * the record handed to the chain's verification therefore carries the columns' values, and one that disagrees with
 * its record no longer matches the record's hash: the verification reports the row as changed.
 */
final class IndexedColumns {

    /** The columns to select beside {@code seq} and {@code record}. */
    static final String SELECTED = "record_id, timestamp_us, schema_name, schema_version, operation_type,"
            + " operation_name, operation_status, policy_decision, user_id, session_id, trace_id";

    private IndexedColumns() {
    }

    /** The record with the values of the row's columns in place of its own. */
    static AuditRecord over(AuditRecord record, ResultSet row) throws SQLException {
        return new AuditRecord(row.getString("schema_name"), row.getInt("schema_version"), row.getString("record_id"),
                EpochMicros.instant(row.getLong("timestamp_us")), row.getString("operation_type"),
                row.getString("operation_name"), row.getString("operation_status"), record.durationMs(),
                record.callerType(), row.getString("user_id"), row.getString("session_id"),
                row.getString("trace_id"), record.inputData(), record.outputData(), record.error(),
                record.policiesEvaluated(), row.getString("policy_decision"), record.policyReason(),
                record.businessContext(), record.executionEvents(), record.prevHash(), record.recordHash(),
                record.signature());
    }
}
