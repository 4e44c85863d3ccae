/** The GraalPy context of a project generation, the mxcp bridge sources and value conversion. */
package io.mxcp.executor.python.runtime;
