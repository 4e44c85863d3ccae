package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.RefusedRequest;
import io.mxcp.core.internal.audit.schema.AuditSchema;
import io.mxcp.core.internal.audit.schema.BuiltinSchemas;
import io.mxcp.core.internal.audit.schema.RecordSchemas;
import io.mxcp.core.internal.audit.schema.SchemaRegistry;
import io.mxcp.core.internal.config.AuditMode;
import io.mxcp.core.internal.config.AuditSettings;
import io.mxcp.core.internal.config.AuditTarget;
import io.mxcp.core.internal.types.SensitiveRedaction;
import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A project's audit log as the active profile configures it: written to every backend the profile names, read from
 * the first of them that answers (each through the newest installed backend of the name), and the one queue its
 * records are written from (closed with the project).
 */
public final class ProjectAuditTrail implements AuditTrail, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProjectAuditTrail.class.getName());

    private final AuditSettings settings;
    private final AuditBackends backends;
    /** The writer's queue; null for a reader of one backend's copy ({@link #readingFrom}), which records nothing. */
    private final RecordQueue queue;
    /** Made on the first sensitive value recorded; guarded by {@code this}. */
    private SecretDigests digests;
    /** Read (and registered) on the first record; guarded by {@code this} when made. */
    private volatile RecordSchemas schemas;

    public ProjectAuditTrail(AuditSettings settings, AuditBackends backends) {
        this(settings, backends, true);
    }

    private ProjectAuditTrail(AuditSettings settings, AuditBackends backends, boolean writes) {
        this.settings = settings;
        this.backends = backends;
        this.queue = writes ? new RecordQueue(this::newWriter) : null;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Path path() {
        return settings.path();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) throws ProjectException {
        return read(log -> log.query(query));
    }

    /** Each backend tried starts a fresh fold: one that fails midway leaves nothing counted twice. */
    @Override
    public <A, R> R collect(AuditQuery query, Collector<AuditRecord, A, R> collector) throws ProjectException {
        return read(log -> {
            A folded = collector.supplier().get();
            log.forEachWritten(record -> {
                if (query.matches(record)) {
                    collector.accumulator().accept(folded, record);
                }
            });
            return collector.finisher().apply(folded);
        });
    }

    /**
     * Applies retention to every backend's log, as long as the schemas registered for the log (and the profile's
     * {@code audit.retention_days}) keep records; the counts are the first backend's (they hold the same records).
     */
    @Override
    public Map<String, Long> applyRetention(boolean dryRun) throws ProjectException {
        Instant now = Instant.now();
        Map<String, Integer> retentionDays;
        try {
            retentionDays = retentionDays();
        } catch (IOException e) {
            throw new ProjectException("Retention was not applied: the audit schema registry "
                    + settings.schemaRegistry() + " cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, Long> removed = null;
        ProjectException first = null;
        for (AuditTarget target : settings.backends()) {
            try {
                Map<String, Long> counts = readFrom(target, log -> log.applyRetention(now, retentionDays, dryRun));
                removed = removed == null ? counts : removed;
            } catch (ProjectException e) {
                first = first == null ? e : first;
                LOG.log(System.Logger.Level.ERROR, "Retention was not applied to the audit backend ''{0}'': {1}",
                        target.backend(), e.getMessage());
            }
        }
        if (removed == null) {
            throw first;
        }
        return removed;
    }

    private Map<String, Integer> retentionDays() throws IOException {
        return RecordSchemas.forReading(new SchemaRegistry(settings.schemaRegistry()), settings.schemaOptions())
                .retentionDays();
    }

    /**
     * Since when every record is within its retention period (none may have been removed): the shortest period
     * back from now, {@link Instant#MIN} when every record is kept for good, null when the registry cannot tell.
     */
    private Instant retainedSince(Instant now) {
        try {
            return retentionDays().values().stream().min(Integer::compare)
                    .map(days -> now.minus(Duration.ofDays(days))).orElse(Instant.MIN);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public ChainCheck verify() throws ProjectException {
        return verify(null);
    }

    @Override
    public ChainCheck verify(Path publicKey) throws ProjectException {
        Path keyFile = publicKey != null ? publicKey : SigningKeys.publicKeyFile(settings.signingKey());
        if (publicKey != null && !Files.exists(publicKey)) {
            throw new ProjectException("The public key " + publicKey + " does not exist");
        }
        try {
            PublicKey key = Files.exists(keyFile) ? SigningKeys.loadPublic(keyFile) : null;
            List<Checkpoint> signed = new CheckpointFile(settings.checkpoints()).readAll();
            Instant now = Instant.now();
            Instant retainedSince = retainedSince(now);
            // a verification of its own per backend tried: one whose read failed half-way must not count
            ChainVerification verified = read(log -> {
                ChainVerification verification = new ChainVerification(signed, now, retainedSince);
                log.forEachWritten(verification);
                return verification;
            });
            return verified.result(key, keyFile);
        } catch (IOException e) {
            throw new ProjectException(e.getMessage(), e);
        }
    }

    @Override
    public String hmacOf(String value) throws ProjectException {
        try {
            return SecretDigests.load(settings.hmacKey()).of(value);
        } catch (NoSuchFileException e) {
            throw new ProjectException("The audit log " + settings.path() + " has no secret key " + settings.hmacKey()
                    + " yet: no sensitive value was recorded", e);
        } catch (IOException e) {
            throw new ProjectException(e.getMessage(), e);
        }
    }

    @Override
    public boolean recordRefusal(RefusedRequest refusal) {
        if (queue == null) {
            throw new IllegalStateException("A reader of one audit backend's log records nothing");
        }
        if (!settings.enabled()) {
            return true;
        }
        int version = schemas().current(BuiltinSchemas.ACCESS).map(AuditSchema::version).orElse(1);
        return queue.submit(AccessRecords.of(refusal, version), false) != null;
    }

    @Override
    public AuditTrail readingFrom(String backend) throws ProjectException {
        List<AuditTarget> chosen = settings.backends().stream().filter(target -> target.backend().equals(backend))
                .limit(1).toList();
        if (chosen.isEmpty()) {
            throw new ProjectException("The profile's audit.backends lists no backend '" + backend + "' (it lists "
                    + String.join(", ", settings.backends().stream().map(AuditTarget::backend).toList()) + ")");
        }
        return new ProjectAuditTrail(settings.withBackends(chosen), backends, false);
    }

    @Override
    public List<BackendState> backends() {
        List<BackendState> states = queue == null ? null : queue.states();
        return states != null ? states : settings.backends().stream().map(target -> {
            AuditBackend backend = backends.newest(target.backend());
            return backend == null ? new BackendState(target.backend(), target.path(), "missing", null, null, 0)
                    : new BackendState(target.backend(), backend.location(logSettings(target)), "idle", null, null, 0);
        }).toList();
    }

    @Override
    public long recordsQueued() {
        return queue == null ? 0 : queue.waiting();
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }

    RecordQueue queue() {
        return queue;
    }

    /**
     * What a sensitive value becomes in a record: its HMAC under the log's secret key, or {@code [REDACTED]} while
     * that key cannot be read or made (never the value itself).
     */
    String masked(Object value) {
        SecretDigests current = digests();
        return current == null ? SensitiveRedaction.REDACTED : current.of(value);
    }

    /** The log's digests, or null (logged) while its secret key cannot be read or made: tried again next time. */
    private synchronized SecretDigests digests() {
        if (digests == null) {
            try {
                digests = SecretDigests.loadOrCreate(settings.hmacKey());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "CRITICAL: the audit secret key {0} cannot be read or made, so"
                        + " sensitive values are recorded as [REDACTED]: {1}", settings.hmacKey(), e.getMessage());
            }
        }
        return digests;
    }

    /**
     * The schemas this log's records are written under: read from its registry on the first record, the built-in
     * ones and a version with the profile's rules registered there when missing.
     */
    RecordSchemas schemas() {
        RecordSchemas current = schemas;
        if (current == null) {
            synchronized (this) {
                if (schemas == null) {
                    schemas = RecordSchemas.forWriting(new SchemaRegistry(settings.schemaRegistry()),
                            settings.schemaOptions());
                }
                current = schemas;
            }
        }
        return current;
    }

    /** Whether a call waits for its record to be written ({@code audit.mode: fail_closed}). */
    boolean failClosed() {
        return settings.mode() == AuditMode.FAIL_CLOSED;
    }

    /** Why no record can be written before any is tried: none of the profile's backends is installed; else null. */
    IOException noBackendInstalled() {
        List<String> names = settings.backends().stream().map(AuditTarget::backend).distinct().toList();
        if (names.stream().anyMatch(name -> backends.newest(name) != null)) {
            return null;
        }
        return new IOException(names.size() == 1 ? "no audit backend '" + names.getFirst() + "' is installed"
                : "none of the audit backends " + names + " is installed");
    }

    /**
     * Why no backend's log folder can take a file now (the first, with the system's reason), or null when one can:
     * asked before the writer has tried, so that a fail-closed call is refused before it runs rather than failed after
     * its side effects, when the log's folder was unwritable from the start.
     */
    IOException unwritableFolders() {
        IOException first = null;
        for (AuditTarget target : settings.backends()) {
            Path folder = target.path().toAbsolutePath().getParent();
            try {
                Files.createDirectories(folder);
                Files.delete(Files.createTempFile(folder, ".mxcp-audit-probe-", ".tmp"));
                return null;
            } catch (IOException e) {
                first = first != null ? first : new IOException(FileFailureText.of(e), e);
            }
        }
        return first;
    }

    private AuditWriter newWriter() {
        List<LogTarget> targets = settings.backends().stream()
                .map(target -> new LogTarget(target.backend(), backends, logSettings(target))).toList();
        return new AuditWriter(backends, targets, settings.path(),
                new ChainCheckpoints(new CheckpointFile(settings.checkpoints()), settings.signingKey()));
    }

    private AuditLogSettings logSettings(AuditTarget target) {
        return new AuditLogSettings(target.path(), settings.maxFileSize());
    }

    /** Reads the log of the first backend that answers, in the profile's order; fails with the first's failure. */
    private <T> T read(LogReader<T> reader) throws ProjectException {
        ProjectException first = null;
        for (AuditTarget target : settings.backends()) {
            try {
                T read = readFrom(target, reader);
                if (first != null) {
                    LOG.log(System.Logger.Level.WARNING, "Read the audit log from the backend ''{0}'' ({1}): {2}",
                            target.backend(), target.path(), first.getMessage());
                }
                return read;
            } catch (ProjectException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private <T> T readFrom(AuditTarget target, LogReader<T> reader) throws ProjectException {
        AuditBackend backend = backends.newest(target.backend());
        if (backend == null) {
            throw new ProjectException("No audit backend '" + target.backend() + "' is installed");
        }
        try (AuditLog log = backend.open(logSettings(target))) {
            return reader.read(log);
        } catch (IOException e) {
            throw new ProjectException("Cannot read the audit log " + target.path() + (settings.backends().size() == 1
                    ? "" : " from the backend '" + target.backend() + "'") + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LogReader<T> {
        T read(AuditLog log) throws IOException;
    }
}
