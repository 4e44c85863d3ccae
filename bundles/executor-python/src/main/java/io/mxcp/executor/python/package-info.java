/** The Python endpoint executor (GraalPy): sessions, {@code db.execute} routing. */
package io.mxcp.executor.python;
