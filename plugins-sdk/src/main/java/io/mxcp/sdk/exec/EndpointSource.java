package io.mxcp.sdk.exec;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an executor runs: an endpoint's identity and its source.
 *
 * @param kind           {@code tool}, {@code resource} or {@code prompt}
 * @param name           the tool or prompt name, or the resource URI
 * @param language       {@code sql}, {@code python}, ...
 * @param code           the source text (inline code, or the file's content), never null
 * @param file           the source file, or null for inline code
 * @param definitionFile the YAML file that defines the endpoint
 * @param parameterTypes each declared parameter's type by parameter name, as maps shaped like the endpoint's YAML
 *                       ({@code type}, {@code format}, {@code items}, {@code properties} in declaration order);
 *                       empty when nothing is declared. An executor needs them where a value alone does not say
 *                       its type: an object without some of its optional properties, a null. Since 1.6
 * @param adHoc          whether the code was written by whoever calls rather than by the project
 *                       ({@code execute_sql_query}, {@code mxcp query}): it must leave nothing behind that a later
 *                       call meets (the SQL executor does not reuse its connection). Since 1.9
 */
public record EndpointSource(String kind, String name, String language, String code, Path file, Path definitionFile,
        Map<String, Object> parameterTypes, boolean adHoc) {

    public EndpointSource {
        parameterTypes = parameterTypes == null ? Map.of() : parameterTypes;
    }

    /** The project's own code. */
    public EndpointSource(String kind, String name, String language, String code, Path file, Path definitionFile,
            Map<String, Object> parameterTypes) {
        this(kind, name, language, code, file, definitionFile, parameterTypes, false);
    }

    /** The project's own code whose parameters declare no types (Python's {@code db.execute}). */
    public EndpointSource(String kind, String name, String language, String code, Path file, Path definitionFile) {
        this(kind, name, language, code, file, definitionFile, Map.of());
    }

    /** SQL a caller wrote, run as a tool of that name with untyped parameters. Since 1.9 */
    public static EndpointSource adHocSql(String name, String sql) {
        return new EndpointSource("tool", name, "sql", sql == null ? "" : sql, null, null, Map.of(), true);
    }
}
