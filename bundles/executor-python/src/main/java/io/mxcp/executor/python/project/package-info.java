/** What the Python runtime reads from a project (site file, folders, config views). */
package io.mxcp.executor.python.project;
