package io.mxcp.executor.sql.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static SqlStatement only(String sql) {
        SqlScript script = SqlScript.parse(sql);
        assertEquals(1, script.statements().size(), () -> "statements of " + sql);
        return script.first();
    }

    @Test
    void rewritesNamedParametersToPositionsSharedPerName() {
        SqlStatement statement = only("SELECT $a, $B, $A || $b_2");
        assertEquals("SELECT $1, $2, $1 || $3", statement.bindableText());
        assertEquals(List.of("a", "b", "b_2"), statement.parameterNames());
    }

    @Test
    void leavesLiteralsIdentifiersAndCommentsAlone() {
        String sql = "SELECT '$a', \"$b\", 'it''s $c', E'\\' $d', $$ $e $$, $tag$ $f ; $tag$ -- $g\n"
                + "/* $h /* nested $i */ still $j */ $real";
        SqlStatement statement = only(sql);
        assertEquals(List.of("real"), statement.parameterNames());
        assertTrue(statement.bindableText().endsWith("still $j */ $1"), statement.bindableText());
    }

    @Test
    void splitsOnSemicolonsOutsideLiteralsAndDropsEmptyStatements() {
        SqlScript script = SqlScript.parse("CREATE TABLE t(a TEXT);; INSERT INTO t VALUES ('x;y'); -- done;\n"
                + "SELECT * FROM t WHERE a = $v; /* trailing */ ;");
        assertEquals(3, script.statements().size());
        assertEquals("INSERT INTO t VALUES ('x;y')", script.statements().get(1).text());
        assertEquals(List.of("v"), script.last().parameterNames());
        assertEquals(List.of(), script.first().parameterNames());
    }

    @Test
    void positionalParametersAreNamedByNumber() {
        assertEquals(List.of("1", "2"), only("SELECT ?, ?").parameterNames());
        assertEquals(List.of("2", "1"), only("SELECT $2, $1").parameterNames());
    }

    @Test
    void dollarFollowedByDollarStartsAQuotedStringNotAParameter() {
        SqlStatement statement = only("SELECT $body$it's $x$body$ AS s, $y");
        assertEquals(List.of("y"), statement.parameterNames());
    }

    @Test
    void commentOnlyTextHasNoStatements() {
        assertTrue(SqlScript.parse("-- nothing here\n/* nor here */ ;  ").isEmpty());
    }

    @Test
    void unterminatedLiteralsEndAtTheEndOfTheText() {
        SqlStatement statement = only("SELECT 'open $a");
        assertEquals(List.of(), statement.parameterNames());
        assertEquals("SELECT 'open $a", statement.bindableText());
    }
}
