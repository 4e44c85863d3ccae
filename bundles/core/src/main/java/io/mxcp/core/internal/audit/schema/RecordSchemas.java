package io.mxcp.core.internal.audit.schema;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mxcp.kernel.api.FileFailureText;

/**
 * The schemas a log's records are written and kept under: its registry's versions, the built-in schemas for names
 * the registry lacks, and — when the profile sets rules of its own — a version carrying those rules. A writer
 * registers what the registry lacks; a reader ({@code mxcp log-cleanup}) works out the same without writing.
 */
public final class RecordSchemas {

    private static final System.Logger LOG = System.getLogger(RecordSchemas.class.getName());

    private final Map<String, AuditSchema> versions;
    /** Each name's current version, worked out once: every audited call asks for it. */
    private final Map<String, AuditSchema> currentByName = new HashMap<>();

    private RecordSchemas(Map<String, AuditSchema> versions) {
        this.versions = versions;
        for (AuditSchema schema : versions.values()) {
            currentOf(versions, schema.name()).ifPresent(current -> currentByName.put(schema.name(), current));
        }
    }

    /**
     * The schemas of a log about to be written: what the registry lacks (a built-in schema, a version with the
     * profile's rules) is appended to it first. When the registry cannot be read, the built-in schemas and the
     * profile's rules are used without touching the file (appending to a file not understood could shadow its
     * versions); when it cannot be written they are used all the same. Either way the failure is logged and the
     * profile's redactions apply.
     */
    public static RecordSchemas forWriting(SchemaRegistry registry, AuditSchemaOptions options) {
        Map<String, AuditSchema> versions = new LinkedHashMap<>();
        boolean registryRead;
        try {
            versions.putAll(registry.readAll());
            registryRead = true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "CRITICAL: the audit schema registry {0} cannot be read ({1}); records"
                    + " are written under the built-in schemas and the profile''s audit settings, and the registry"
                    + " is left as it is", registry.path(), FileFailureText.of(e));
            registryRead = false;
        }
        List<AuditSchema> added = missing(versions, options, Instant.now());
        if (registryRead && !added.isEmpty()) {
            try {
                registry.append(added);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "The audit schema registry {0} cannot be written ({1}); records"
                        + " are written under {2} all the same", registry.path(), FileFailureText.of(e),
                        added.stream().map(AuditSchema::key).toList());
            }
        }
        return new RecordSchemas(versions);
    }

    /**
     * The schemas as a writer with these options would use them; the registry is read only.
     *
     * @throws IOException when the registry cannot be read (what it keeps, and for how long, is then unknown)
     */
    public static RecordSchemas forReading(SchemaRegistry registry, AuditSchemaOptions options) throws IOException {
        Map<String, AuditSchema> versions = new LinkedHashMap<>(registry.readAll());
        missing(versions, options, Instant.now());
        return new RecordSchemas(versions);
    }

    /**
     * The version records of that name are written under: the highest active one. Empty when none is active; the
     * record then says version 1, processed as that version if registered (spec 03 §3.5).
     */
    public Optional<AuditSchema> current(String name) {
        return Optional.ofNullable(currentByName.get(name));
    }

    private static Optional<AuditSchema> currentOf(Map<String, AuditSchema> versions, String name) {
        return versions.values().stream().filter(schema -> schema.name().equals(name) && schema.active())
                .max(Comparator.comparingInt(AuditSchema::version))
                .or(() -> Optional.ofNullable(versions.get(name + ":1")));
    }

    /**
     * How long records are kept, as {@link io.mxcp.sdk.audit.AuditLog#applyRetention} takes it: each version's own
     * days under {@code <name>:v<version>}, and under the bare name the longest among the name's versions. A version
     * that keeps its records for good has no entry, and neither has its name then, so its records are kept (as are
     * those of a version the registry does not hold).
     */
    public Map<String, Integer> retentionDays() {
        Map<String, Integer> days = new HashMap<>();
        Set<String> keptForGood = new HashSet<>();
        for (AuditSchema schema : versions.values()) {
            if (schema.retentionDays() == null) {
                keptForGood.add(schema.name());
            } else {
                days.put(schema.name() + ":v" + schema.version(), schema.retentionDays());
                days.merge(schema.name(), schema.retentionDays(), Math::max);
            }
        }
        keptForGood.forEach(days::remove);
        return Map.copyOf(days);
    }

    /**
     * Adds to the versions what a writer registers: each built-in schema whose exact version is absent, then for
     * each of MXCP's own schema names a new version when the profile's rules differ from its current one's.
     *
     * @return what was added, in order
     */
    private static List<AuditSchema> missing(Map<String, AuditSchema> versions, AuditSchemaOptions options,
            Instant now) {
        String at = now.truncatedTo(ChronoUnit.MICROS).toString();
        List<AuditSchema> added = new ArrayList<>();
        for (AuditSchema builtin : BuiltinSchemas.all(at)) {
            if (!versions.containsKey(builtin.key())) {
                versions.put(builtin.key(), builtin);
                added.add(builtin);
            }
        }
        if (options.redactions() == null && options.retentionDays() == null) {
            return added;
        }
        for (AuditSchema builtin : BuiltinSchemas.all(at)) {
            AuditSchema current = currentOf(versions, builtin.name()).orElse(builtin);
            boolean ownRedactions = builtin.name().equals(BuiltinSchemas.ENDPOINTS) && options.redactions() != null;
            AuditSchema wanted = current.nextVersion(highestVersion(versions, builtin.name()) + 1,
                    options.retentionDays() != null ? options.retentionDays() : current.retentionDays(),
                    ownRedactions ? options.redactions() : current.fieldRedactions(), at,
                    BuiltinSchemas.REGISTERED_BY + " (the profile's audit settings)");
            if (!wanted.sameRules(current) || !current.active()) {
                versions.put(wanted.key(), wanted);
                added.add(wanted);
            }
        }
        return added;
    }

    private static int highestVersion(Map<String, AuditSchema> versions, String name) {
        return versions.values().stream().filter(schema -> schema.name().equals(name))
                .mapToInt(AuditSchema::version).max().orElse(0);
    }
}
