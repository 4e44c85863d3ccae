package io.mxcp.executor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.mxcp.kernel.duckdb.KernelDuckDbHost;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutorSession;

/**
 * Object parameters bind as STRUCTs shaped by their declaration (spec 01 §4.2), whatever optional properties the
 * caller leaves out or sends as null, as language-model clients do.
 */
class ObjectParametersTest {

    private static final String FILTER = """
            - name: filter
              type: object
              properties:
                customer: {type: string}
                min_amount: {type: number}
              default: {customer: null, min_amount: 0}
            """;
    private static final String FILTERED_ORDERS = "SELECT id FROM orders WHERE ($filter.customer IS NULL OR "
            + "customer = $filter.customer) AND amount >= $filter.min_amount ORDER BY id";

    @TempDir
    Path dir;

    private ExecutorSession session;

    @BeforeEach
    void open() throws Exception {
        session = new SqlExecutor(new KernelDuckDbHost()).open(TestProject.at(dir.resolve("db/test.duckdb")));
        run(adHoc("CREATE TABLE orders(id INTEGER, customer VARCHAR, amount DOUBLE);"
                + " INSERT INTO orders VALUES (1, 'alice', 3), (2, 'bob', 7), (3, 'alice', 10)"), Map.of());
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** A tool with these parameters (YAML list items) and SQL: their types reach the executor as the core sends them. */
    private static EndpointSource tool(String parameters, String sql) {
        Map<String, Object> types = new LinkedHashMap<>();
        for (Object parameter : new Yaml(new SafeConstructor(new LoaderOptions())).<List<?>>load(parameters)) {
            Map<?, ?> declared = (Map<?, ?>) parameter;
            types.put((String) declared.get("name"), declared);
        }
        return new EndpointSource("tool", "t", "sql", sql, null, null, types);
    }

    /** SQL with no definition file, as {@code mxcp query} runs it: nothing declares the parameters' types. */
    private static EndpointSource adHoc(String sql) {
        return new EndpointSource("tool", "query", "sql", sql, null, null);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(EndpointSource source, Map<String, Object> arguments)
            throws EndpointExecutionException {
        return (List<Map<String, Object>>) session.execute(source, arguments, TestContext.none());
    }

    private List<Object> ids(EndpointSource source, Map<String, Object> filter) throws EndpointExecutionException {
        return run(source, object("filter", filter)).stream().map(row -> row.get("id")).toList();
    }

    /** A map from keys and values in turn, in that order; values may be null. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    @Test
    void aNullPropertyBindsAsNull() throws Exception {
        assertEquals(List.of(1, 2, 3), ids(tool(FILTER, FILTERED_ORDERS), object("customer", null, "min_amount", 0.0)));
    }

    @Test
    void anOmittedPropertyBindsAsNull() throws Exception {
        assertEquals(List.of(2, 3), ids(tool(FILTER, FILTERED_ORDERS), object("min_amount", 5.0)));
    }

    @Test
    void givenPropertiesBindInDeclarationOrderWithTheDeclaredTypes() throws Exception {
        EndpointSource source = tool(FILTER, FILTERED_ORDERS);
        assertEquals(List.of(3), ids(source, object("min_amount", 5L, "customer", "alice")));
        EndpointSource type = tool(FILTER, "SELECT typeof($filter) AS t");
        assertEquals(List.of(Map.of("t", "STRUCT(customer VARCHAR, min_amount DOUBLE)")),
                run(type, object("filter", object("min_amount", 5L, "customer", "alice"))));
    }

    @Test
    void nestedObjectsHaveEveryDeclaredPropertyToo() throws Exception {
        EndpointSource source = tool("""
                - name: filter
                  type: object
                  properties:
                    customer: {type: string}
                    amount:
                      type: object
                      properties:
                        min: {type: number}
                        max: {type: number}
                """, "SELECT id FROM orders WHERE ($filter.customer IS NULL OR customer = $filter.customer)"
                + " AND amount BETWEEN coalesce($filter.amount.min, 0) AND coalesce($filter.amount.max, 1e9) ORDER BY id");
        assertEquals(List.of(2, 3), ids(source, object("amount", object("min", 5.0))));
        assertEquals(List.of(1, 3), ids(source, object("customer", "alice")));
        assertEquals(List.of(1), ids(source, object("customer", "alice", "amount", object("max", 5.0, "min", null))));
    }

    @Test
    void anArrayOfObjectsHasEveryDeclaredPropertyInEachItem() throws Exception {
        String filters = """
                - name: filters
                  type: array
                  items:
                    type: object
                    properties:
                      customer: {type: string}
                      min_amount: {type: number}
                """;
        EndpointSource source = tool(filters, "SELECT DISTINCT o.id FROM orders o, (SELECT unnest($filters) AS f)"
                + " WHERE (f.customer IS NULL OR o.customer = f.customer) AND o.amount >= f.min_amount ORDER BY o.id");
        List<Object> items = List.of(object("customer", "bob", "min_amount", 0.0), object("min_amount", 10.0));
        assertEquals(List.of(Map.of("id", 2), Map.of("id", 3)), run(source, object("filters", items)));
        EndpointSource type = tool(filters, "SELECT typeof($filters) AS t");
        assertEquals(List.of(Map.of("t", "STRUCT(customer VARCHAR, min_amount DOUBLE)[]")),
                run(type, object("filters", List.of())), "an empty list has the declared item type");
    }

    @Test
    void everyDeclaredTypeNamesItsField() throws Exception {
        EndpointSource source = tool("""
                - name: rows
                  type: array
                  items:
                    type: object
                    properties:
                      s: {type: string}
                      i: {type: integer}
                      n: {type: number}
                      b: {type: boolean}
                      d: {type: string, format: date}
                      t: {type: string, format: time}
                      ts: {type: string, format: timestamp}
                      dt: {type: string, format: date-time}
                      ids: {type: array, items: {type: integer}}
                      sub: {type: object, properties: {x: {type: string}}}
                """, "SELECT typeof($rows) AS t");
        String nulls = "STRUCT(s VARCHAR, i BIGINT, n DOUBLE, b BOOLEAN, d DATE, t TIME, ts TIMESTAMP, dt TIMESTAMP,"
                + " ids BIGINT[], sub STRUCT(x VARCHAR))[]";
        assertEquals(List.of(Map.of("t", nulls)), run(source, object("rows", List.of(object()))));
        Map<String, Object> given = object("s", "x", "i", 5L, "n", 1L, "b", true, "d", LocalDate.of(2024, 1, 2),
                "t", LocalTime.of(1, 2, 3), "ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                "dt", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), "ids", List.of(1L), "sub", object());
        assertEquals(List.of(Map.of("t", nulls.replace("dt TIMESTAMP", "dt TIMESTAMP WITH TIME ZONE"))),
                run(source, object("rows", List.of(object(), given))), "a zoned date-time types the field");
    }

    @Test
    void anUndeclaredKeyIsBoundAfterTheDeclaredOnes() throws Exception {
        assertEquals(List.of(2, 3), ids(tool(FILTER, FILTERED_ORDERS), object("min_amount", 5.0, "note", "x")));
        EndpointSource note = tool(FILTER, "SELECT $filter.note AS note, $filter.customer AS customer");
        assertEquals(List.of(object("note", "x", "customer", null)),
                run(note, object("filter", object("note", "x", "min_amount", 5.0))));
    }

    @Test
    void aNullObjectBindsAsNull() throws Exception {
        EndpointSource source = tool(FILTER, "SELECT $filter IS NULL AS missing, $filter.customer AS customer");
        assertEquals(List.of(object("missing", true, "customer", null)), run(source, object("filter", null)));
    }

    @Test
    void withoutDeclarationsANullPropertyStillBinds() throws Exception {
        assertEquals(List.of(1, 2, 3), ids(adHoc(FILTERED_ORDERS), object("customer", null, "min_amount", 0.0)));
        assertEquals(List.of(Map.of("n", 0L, "m", 1)), run(adHoc("SELECT len($o.empty) AS n, $o.mixed[2].a AS m"),
                object("o", object("empty", List.of(), "mixed", List.of(object("a", null), object("a", 1))))),
                "an empty list in a STRUCT binds too, and list items whose field is null in only some of them");
    }

    @Test
    void wholeNumbersBeyondBigintBindInListsAndStructs() throws Exception {
        BigInteger big = new BigInteger("9223372036854775808");
        assertEquals(List.of(Map.of("s", "[1, 9223372036854775808]", "f", "{'big': 9223372036854775808, 'n': 1}")),
                run(adHoc("SELECT $ids::VARCHAR AS s, $o::VARCHAR AS f"),
                        object("ids", List.of(1L, big), "o", object("big", big, "n", 1L))));
    }
}
