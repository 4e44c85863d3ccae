package io.mxcp.core.internal.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.mxcp.core.internal.schema.SchemaException;
import io.mxcp.core.internal.schema.StrictObject;

/**
 * A profile's {@code audit.backends} (ours): the names of the installed backends every record goes to. A name is not
 * checked against what is installed: a backend's bundle may come later, and records wait for it.
 */
final class AuditBackendNames {

    /** The backend MXCP writes to when the profile names none, as the original does. */
    static final List<String> DEFAULT = List.of("jsonl");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private AuditBackendNames() {
    }

    /**
     * The names as written, checked; null when the key is absent.
     *
     * @throws SchemaException at the list or the entry that is empty, repeated or not a backend name
     */
    static List<String> of(List<String> names, String location) throws SchemaException {
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw SchemaException.valueError(location, "audit.backends must name at least one backend");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!NAME.matcher(name).matches()) {
                throw SchemaException.valueError(StrictObject.join(location, i), "'" + name
                        + "' is not a backend name (lower-case letters, digits, '_' and '-', starting with a letter)");
            }
            if (!seen.add(name)) {
                throw SchemaException.valueError(StrictObject.join(location, i), "'" + name + "' is listed twice");
            }
        }
        return List.copyOf(names);
    }
}
