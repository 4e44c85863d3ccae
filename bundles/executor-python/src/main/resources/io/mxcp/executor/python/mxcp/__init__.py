"""MXCP's Python API, provided by the JVM runtime's GraalPy bridge."""
