package io.mxcp.core.api;

/** Opens MXCP projects. Registered by the core bundle. */
public interface ProjectService {

    /**
     * Finds the project root from the working directory upwards, loads the site and user config for the
     * active profile and prepares endpoint discovery. Executors are opened lazily, on the first call that
     * needs one.
     *
     * @throws ProjectException e.g. {@code No mxcp-site.yml found in current directory or parents}, or a
     *                          config error naming the file and field
     */
    Project open(ProjectOptions options) throws ProjectException;
}
