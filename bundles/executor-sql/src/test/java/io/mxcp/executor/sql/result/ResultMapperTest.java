package io.mxcp.executor.sql.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResultMapperTest {

    private static final ResultBudget PLENTY = new ResultBudget(Long.MAX_VALUE, "unlimited");

    private interface Reading {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, Reading reading) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            reading.read(rows);
        }
    }

    @Test
    void readsEveryRowWithinTheBudget() throws SQLException {
        query("SELECT i, 'v' || i AS s FROM range(3000) t(i)", rows -> {
            List<Map<String, Object>> mapped = ResultMapper.rows(rows, PLENTY, () -> false);
            assertEquals(3000, mapped.size());
            assertEquals(Map.of("i", 2999L, "s", "v2999"), mapped.get(2999));
        });
    }

    @Test
    void naiveTimestampsKeepTheirEraAndInfinitiesTheirSign() throws SQLException {
        query("SELECT '-infinity'::TIMESTAMP AS past, 'infinity'::TIMESTAMP AS future,"
                + " ('0044-03-15 (BC)'::DATE + INTERVAL 12 HOUR)::TIMESTAMP AS ides, '-infinity'::TIMESTAMP_MS AS past_ms,"
                + " TIMESTAMP_NS '2024-01-02 03:04:05.123456789' AS ns", rows -> {
                    Map<String, Object> row = ResultMapper.rows(rows, PLENTY, () -> false).getFirst();
                    assertTrue(((LocalDateTime) row.get("past")).getYear() < -290_000, row::toString);
                    assertTrue(((LocalDateTime) row.get("future")).getYear() > 290_000, row::toString);
                    assertEquals(LocalDateTime.of(-43, 3, 15, 12, 0), row.get("ides"), "44 BC is year -43");
                    assertTrue(((LocalDateTime) row.get("past_ms")).getYear() < -290_000, row::toString);
                    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789), row.get("ns"));
                });
    }

    @Test
    void stopsAtTheRowThatPassesTheBudget() throws SQLException {
        // a row of one BIGINT is counted at well over 100 bytes, so 10,000 rows pass 1 MB
        ResultBudget budget = new ResultBudget(1024 * 1024, "a test limit");
        query("SELECT * FROM range(100000)", rows -> {
            var error = assertThrows(ResultBudget.ResultTooLargeException.class,
                    () -> ResultMapper.rows(rows, budget, () -> false));
            assertTrue(error.getMessage().matches("Result too large: its first [0-9,]+ rows already take more than the "
                    + "1 MiB of memory one result may take \\(a test limit\\); narrow the query with WHERE, LIMIT or "
                    + "aggregates"), error.getMessage());
        });
    }

    @Test
    void ofReadingsGrowingSideBySideTheFirstRefusedMakesRoomForTheOthers() throws SQLException {
        ResultBudget budget = new ResultBudget(1024 * 1024, "a test limit", 1536 * 1024);
        ResultBudget.Reading first = budget.start();
        ResultBudget.Reading second = budget.start();
        ResultBudget.Reading third = budget.start();
        for (ResultBudget.Reading reading : List.of(first, second, third)) {
            reading.add(500 * 1024);
        }
        assertThrows(ResultBudget.ResultTooLargeException.class, () -> first.add(100 * 1024));
        second.add(100 * 1024); // not refused by the share of the first, which was refused before it
        third.add(100 * 1024);
        first.close(); // the try-with-resources of the refused reading: nothing is given back twice
        second.close();
        third.close();
        List<ResultBudget.Reading> again = List.of(budget.start(), budget.start(), budget.start());
        for (ResultBudget.Reading reading : again) {
            reading.add(500 * 1024);
        }
        try (ResultBudget.Reading fourth = budget.start()) {
            assertThrows(ResultBudget.ResultTooLargeException.class, () -> fourth.add(100 * 1024),
                    "all given back once: the shared limit is whole again, not more");
        }
        again.forEach(ResultBudget.Reading::close);
    }

    @Test
    void ofReadingsCrossingTheSharedLimitAtTheSameMomentOnlyOneIsRefused() throws Exception {
        for (int round = 0; round < 50; round++) {
            ResultBudget budget = new ResultBudget(1024 * 1024, "a test limit", 1536 * 1024);
            List<ResultBudget.Reading> readings = List.of(budget.start(), budget.start(), budget.start());
            for (ResultBudget.Reading reading : readings) {
                reading.add(500 * 1024);
            }
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = readings.stream().map(reading -> Thread.ofPlatform().start(() -> {
                try {
                    together.await();
                    reading.add(100 * 1024);
                } catch (ResultBudget.ResultTooLargeException e) {
                    refused.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toList();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(1, refused.get(), "round " + round + ": the first refused makes room for the others");
            readings.forEach(ResultBudget.Reading::close);
        }
    }

    @Test
    void resultsReadAtTheSameMomentShareALimitThatEachReadingGivesBackWhenItEnds() throws SQLException {
        ResultBudget budget = new ResultBudget(1024 * 1024, "a test limit", 1536 * 1024);
        ResultBudget.Reading first = budget.start();
        first.add(900 * 1024);
        try (ResultBudget.Reading second = budget.start()) {
            var error = assertThrows(ResultBudget.ResultTooLargeException.class, () -> second.add(700 * 1024));
            assertTrue(error.getMessage().startsWith("Result too large for now: its first 1 rows (1 MiB) and the results"
                    + " other calls are reading at the same moment take more than the 1 MiB of memory"), error.getMessage());
        }
        first.close();
        try (ResultBudget.Reading third = budget.start()) {
            third.add(700 * 1024); // the first's share is given back
        }
    }

    @Test
    void nestedValuesCountTowardsTheBudget() throws SQLException {
        ResultBudget budget = new ResultBudget(1024 * 1024, "a test limit");
        query("SELECT [repeat('x', 1000) FOR i IN range(100)] AS wide FROM range(20)",
                rows -> assertThrows(ResultBudget.ResultTooLargeException.class, () -> ResultMapper.rows(rows, budget, () -> false)));
        query("SELECT [repeat('x', 1000) FOR i IN range(100)] AS wide FROM range(5)",
                rows -> assertEquals(5, ResultMapper.rows(rows, budget, () -> false).size()));
    }

    @Test
    void aCancelledCallStopsReadingRows() throws SQLException {
        AtomicInteger looks = new AtomicInteger();
        query("SELECT * FROM range(1000000)", rows -> {
            var error = assertThrows(SQLException.class, () -> ResultMapper.rows(rows, PLENTY, () -> looks.incrementAndGet() >= 2));
            assertEquals("the query was cancelled while its rows were read", error.getMessage());
        });
        assertEquals(2, looks.get(), "looked once a chunk of rows, stopped at the first look that saw the cancellation");
    }
}
