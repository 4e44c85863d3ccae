package io.mxcp.core.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/**
 * One entry of a profile's {@code audit.backends} (ours), as written: a backend name, or {@code {name, path}} for a
 * backend keeping its log elsewhere than {@code audit.path} (a second disk). A name is not checked against what is
 * installed: a backend's bundle may come later, and records wait for it.
 *
 * @param name the backend's name ({@code jsonl}, {@code sqlite}, ...)
 * @param path the log path this backend derives its files from, or null for the profile's {@code audit.path}
 */
public record AuditBackendEntry(String name, String path) {

    /** The backend MXCP writes to when the profile names none, as the original does. */
    static final List<AuditBackendEntry> DEFAULT = List.of(new AuditBackendEntry("jsonl", null));

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** The entry as the site map shows it: as it was written. */
    Object toConfigValue() {
        if (path == null) {
            return name;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("path", path);
        return entry;
    }

    /**
     * The entries as written, checked; null when the key is absent.
     *
     * @throws SchemaException at the list or the entry that is empty, repeated or not a backend
     */
    static List<AuditBackendEntry> listOf(List<Object> raw, String location) throws SchemaException {
        if (raw == null) {
            return null;
        }
        if (raw.isEmpty()) {
            throw SchemaException.valueError(location, "audit.backends must name at least one backend");
        }
        List<AuditBackendEntry> entries = new ArrayList<>();
        Set<AuditBackendEntry> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = StrictObject.join(location, i);
            AuditBackendEntry entry = of(raw.get(i), at);
            if (!seen.add(entry)) {
                throw SchemaException.valueError(at, "'" + entry.name() + "'" + (entry.path() == null ? ""
                        : " at " + entry.path()) + " is listed twice");
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static AuditBackendEntry of(Object raw, String location) throws SchemaException {
        if (raw instanceof String name) {
            return new AuditBackendEntry(checkedName(name, location), null);
        }
        StrictObject entry = StrictObject.of(raw, location, "AuditBackendConfigModel");
        String name = checkedName(entry.requiredString("name"), entry.at("name"));
        String path = entry.string("path", null);
        entry.close();
        return new AuditBackendEntry(name, path);
    }

    private static String checkedName(String name, String location) throws SchemaException {
        if (!NAME.matcher(name).matches()) {
            throw SchemaException.valueError(location, "'" + name
                    + "' is not a backend name (lower-case letters, digits, '_' and '-', starting with a letter)");
        }
        return name;
    }
}
