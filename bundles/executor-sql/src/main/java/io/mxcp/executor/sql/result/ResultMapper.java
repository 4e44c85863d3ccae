package io.mxcp.executor.sql.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.duckdb.DuckDBStruct;

/**
 * Turns DuckDB results into rows of the executor value contract, reproducing what the Python reference
 * sees through a pandas DataFrame (spec 01 §3.7): a DATE column becomes a timestamp at midnight, HUGEINT
 * and DECIMAL become doubles, TIMESTAMPTZ is shown in the host time zone; inside a STRUCT or MAP values keep
 * their plain conversion (a nested DATE stays a date). NULL stays null in every column type.
 */
public final class ResultMapper {

    /** Rows read between two looks at the call's cancellation. */
    private static final int CANCELLATION_CHECK_ROWS = 1024;
    private static final Set<String> NAIVE_TIMESTAMPS = Set.of("TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS",
            "TIMESTAMP_NS");

    private ResultMapper() {
    }

    /**
     * Every row of the result, within the budget; the rows come from DuckDB in chunks after the query ran, so a call
     * cancelled while they are read stops here rather than in the statement.
     */
    public static List<Map<String, Object>> rows(ResultSet resultSet, ResultBudget budget, BooleanSupplier cancelled)
            throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int columns = metaData.getColumnCount();
        List<String> rawNames = new ArrayList<>(columns);
        String[] types = new String[columns];
        boolean[] naiveTimestamps = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            rawNames.add(metaData.getColumnName(i + 1));
            types[i] = metaData.getColumnTypeName(i + 1);
            naiveTimestamps[i] = NAIVE_TIMESTAMPS.contains(types[i]);
        }
        List<String> names = ColumnNames.deduplicate(rawNames);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultBudget.Reading reading = budget.start()) {
            while (resultSet.next()) {
                if (rows.size() % CANCELLATION_CHECK_ROWS == 0 && cancelled.getAsBoolean()) {
                    throw new SQLException("the query was cancelled while its rows were read");
                }
                Map<String, Object> row = LinkedHashMap.newLinkedHashMap(columns);
                long rowBytes = Footprint.ofRowMap(columns);
                for (int i = 0; i < columns; i++) {
                    // a naive timestamp read as java.sql.Timestamp loses its era: -infinity and BC years came out AD
                    Object raw = naiveTimestamps[i] ? resultSet.getObject(i + 1, LocalDateTime.class)
                            : resultSet.getObject(i + 1);
                    Object value = value(raw, types[i], true);
                    rowBytes += Footprint.of(value);
                    row.put(names.get(i), value);
                }
                reading.add(rowBytes);
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * @param type     the DuckDB type name when known (columns and list elements), else null
     * @param dataFrame whether the value sits in a DataFrame column (or a list in one) rather than in a struct
     */
    static Object value(Object value, String type, boolean dataFrame) throws SQLException {
        return switch (value) {
            case null -> null;
            case String s when "INTERVAL".equals(type) -> Intervals.parse(s);
            case String s -> s;
            case Byte b -> b.intValue();
            case Short s -> s.intValue();
            case Float f -> Double.parseDouble(f.toString()); // its own shortest digits: 0.1, not 0.10000000149011612
            case BigInteger big when dataFrame && isHugeInt(type) -> big.doubleValue();
            case BigDecimal decimal when dataFrame -> decimal.doubleValue();
            case LocalDate date when dataFrame -> date.atStartOfDay();
            case Timestamp timestamp -> timestamp.toLocalDateTime();
            case OffsetDateTime zoned -> zoned.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
            case Array array -> list(array, dataFrame);
            case DuckDBStruct struct -> map(struct.getMap());
            case Struct struct -> List.of(struct.getAttributes());
            case Map<?, ?> map -> map(map);
            case Blob blob -> blob.getBytes(1, (int) blob.length());
            case Number number -> number;
            case Boolean b -> b;
            case UUID uuid -> uuid;
            case Temporal temporal when !(temporal instanceof OffsetTime) -> temporal;
            default -> value.toString();
        };
    }

    private static boolean isHugeInt(String type) {
        return "HUGEINT".equals(type) || "UHUGEINT".equals(type);
    }

    private static List<Object> list(Array array, boolean dataFrame) throws SQLException {
        String elementType = array.getBaseTypeName();
        Object[] items = (Object[]) array.getArray();
        List<Object> list = new ArrayList<>(items.length);
        for (Object item : items) {
            list.add(value(item, elementType, dataFrame));
        }
        return list;
    }

    private static Map<String, Object> map(Map<?, ?> source) throws SQLException {
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(source.size());
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            map.put(String.valueOf(entry.getKey()), value(entry.getValue(), null, false));
        }
        return map;
    }
}
