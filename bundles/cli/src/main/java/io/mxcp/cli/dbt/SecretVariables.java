package io.mxcp.cli.dbt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mxcp.cli.context.ProfileSettings;
import io.mxcp.core.api.Project;

/**
 * How the active profile's secrets reach dbt: {@code mxcp dbt} sets one environment variable per parameter
 * ({@code MXCP_SECRET_<NAME>_<PARAM>}, and {@code MXCP_SECRET_<NAME>_<PARAM>_<KEY>} per key of a map parameter,
 * upper-cased, other characters than letters, digits and {@code _} written {@code _}), and {@code mxcp dbt-config} writes {@code profiles.yml} secrets reading exactly those variables. One
 * naming for both (the original's {@code dbt-config} named header variables {@code ..._HEADERS_<KEY>}, which
 * {@code mxcp dbt} never set).
 *
 * @param secrets the user config's {@code secrets} list of the active profile: {@code {name, type, parameters}}
 */
public record SecretVariables(List<?> secrets) {

    /** The secret types DuckDB creates (core and httpfs); others (python, env, value, custom) are MXCP's own. */
    static final Set<String> DUCKDB_TYPES = Set.of("http", "s3", "gcs", "r2", "azure", "huggingface");

    /** The active profile's secrets ({@code projects.<project>.profiles.<profile>.secrets}). */
    static SecretVariables of(Project project) {
        return new SecretVariables(ProfileSettings.value(project, "secrets") instanceof List<?> list ? list : List.of());
    }

    /** Every variable with its value, for {@code mxcp dbt}'s child process. */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        forEachParameter((secret, parameter, value) -> {
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> variables.put(name(secret, parameter, String.valueOf(key)),
                        pythonText(item)));
            } else {
                variables.put(name(secret, parameter, null), pythonText(value));
            }
        });
        return variables;
    }

    /** A value as the original's {@code str()} spells the YAML scalars a secret holds: {@code True}, {@code None}. */
    private static String pythonText(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /**
     * The secrets as dbt-duckdb's {@code secrets} entries, for the types DuckDB can create ({@link #DUCKDB_TYPES}):
     * {@code type}, {@code name} and each parameter lower-cased, its value a dbt {@code env_var} template (or, when
     * {@code embed}, the value as a Jinja string — dbt renders the file as a template); a map parameter (HTTP headers)
     * as a DuckDB {@code map {...}} literal.
     */
    public List<Map<String, Object>> dbtSecrets(boolean embed) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        forEachParameter((secret, parameter, value) -> {
            if (!DUCKDB_TYPES.contains(String.valueOf(secret.get("type")))) {
                return;
            }
            Map<String, Object> entry = entries.computeIfAbsent(secretName(secret), name -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("type", String.valueOf(secret.get("type")));
                created.put("name", name);
                return created;
            });
            String key = parameter.toLowerCase(Locale.ROOT);
            if (value instanceof Map<?, ?> map) {
                StringBuilder literal = new StringBuilder("map {");
                String separator = " ";
                for (Map.Entry<?, ?> item : map.entrySet()) {
                    String itemKey = String.valueOf(item.getKey());
                    // Jinja renders first, then DuckDB reads the literal: quotes are doubled in the rendered text
                    String rendered = embed ? jinjaString(doubledQuotes(String.valueOf(item.getValue())))
                            : "{{ env_var(\"" + name(secret, parameter, itemKey) + "\") | replace(\"'\", \"''\") }}";
                    literal.append(separator).append(quoted(itemKey)).append(": '").append(rendered).append('\'');
                    separator = ", ";
                }
                entry.put(key, literal.append(" }").toString());
            } else {
                entry.put(key, embed ? jinjaString(String.valueOf(value)) : template(name(secret, parameter, null)));
            }
        });
        return List.copyOf(entries.values());
    }

    /** The names of the secrets {@link #dbtSecrets} leaves out: types DuckDB cannot create (python, env, ...). */
    public List<String> notForDuckDb() {
        List<String> names = new ArrayList<>();
        forEachParameter((secret, parameter, value) -> {
            if (!DUCKDB_TYPES.contains(String.valueOf(secret.get("type"))) && !names.contains(secretName(secret))) {
                names.add(secretName(secret));
            }
        });
        return names;
    }

    private interface ParameterVisitor {
        void visit(Map<?, ?> secret, String parameter, Object value);
    }

    private void forEachParameter(ParameterVisitor visitor) {
        for (Object item : secrets) {
            if (item instanceof Map<?, ?> secret && secret.get("name") != null
                    && secret.get("parameters") instanceof Map<?, ?> parameters) {
                parameters.forEach((parameter, value) -> {
                    if (value != null) {
                        visitor.visit(secret, String.valueOf(parameter), value);
                    }
                });
            }
        }
    }

    private static String secretName(Map<?, ?> secret) {
        return String.valueOf(secret.get("name"));
    }

    /** Upper-cased, and what a shell would not carry over in a variable name ({@code X-Team}) written {@code _}. */
    private static String name(Map<?, ?> secret, String parameter, String key) {
        String name = "MXCP_SECRET_" + secretName(secret) + "_" + parameter + (key == null ? "" : "_" + key);
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    private static String template(String variable) {
        return "{{ env_var(\"" + variable + "\") }}";
    }

    /** A DuckDB string literal. */
    private static String quoted(String text) {
        return "'" + doubledQuotes(text) + "'";
    }

    private static String doubledQuotes(String text) {
        return text.replace("'", "''");
    }

    /** A Jinja expression rendering exactly {@code text} (braces in a secret are not template syntax). */
    private static String jinjaString(String text) {
        return "{{ '" + text.replace("\\", "\\\\").replace("'", "\\'") + "' }}";
    }
}
