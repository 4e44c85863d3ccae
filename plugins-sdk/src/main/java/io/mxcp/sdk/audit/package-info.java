/**
 * Audit backends: where the records of endpoint calls are stored and read back (spec 03 §3). The core builds the
 * records, chains their hashes and hands them over in batches from one writer thread; a backend stores them durably
 * and answers queries. 2.0: records carry the {@code mxcp.endpoints} schema; backends open one log per project. 2.1: a record's fields
 * by their schema names. 2.3: a backend names where it keeps a log ({@code AuditBackend.location}).
 */
@Export
@Version("2.3.0")
package io.mxcp.sdk.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
