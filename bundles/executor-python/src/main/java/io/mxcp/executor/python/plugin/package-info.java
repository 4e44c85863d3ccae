/** Python MXCP plugins as DuckDB functions. */
package io.mxcp.executor.python.plugin;
