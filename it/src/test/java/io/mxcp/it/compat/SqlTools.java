package io.mxcp.it.compat;

/** Endpoint files more than one compat test class writes. */
final class SqlTools {

    private SqlTools() {
    }

    /**
     * The spec's smallest tool (appendix C {@code add}, the runner category's {@code sum_numbers}): number parameters
     * {@code a} and {@code b}, their sum computed by DuckDB, a number back.
     */
    static String adder(String name) {
        return """
                mxcp: 1
                tool:
                  name: %s
                  description: Adds two numbers
                  parameters:
                    - {name: a, type: number, description: First}
                    - {name: b, type: number, description: Second}
                  return: {type: number}
                  source:
                    code: SELECT $a + $b AS total
                """.formatted(name);
    }
}
