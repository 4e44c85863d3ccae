/** The kernel's side of GraalVM: the shared polyglot engine, loaded only when the polyglot jars are present. */
package io.mxcp.kernel.graal;
