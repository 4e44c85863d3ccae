package io.mxcp.executor.python.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python sources this bundle brings: the internal {@code _mxcp_bridge} module and the {@code mxcp} package
 * (spec 01 §5.9). They are served to Python's import system from memory by a meta-path finder, so nothing is
 * extracted to disk.
 */
final class BridgeSources {

    /** Module name, resource path (relative to this package), whether it is a package. */
    private record Module(String name, String resource, boolean isPackage) {
    }

    private static final List<Module> MODULES = List.of(
            new Module("_mxcp_bridge", "_mxcp_bridge.py", false),
            new Module("_mxcp_logging", "_mxcp_logging.py", false),
            new Module("mxcp", "mxcp/__init__.py", true),
            new Module("mxcp.runtime", "mxcp/runtime.py", false),
            new Module("mxcp.plugins", "mxcp/plugins/__init__.py", true),
            new Module("mxcp.sdk", "mxcp/sdk/__init__.py", true),
            new Module("mxcp.sdk.auth", "mxcp/sdk/auth/__init__.py", true),
            new Module("mxcp.sdk.auth.context", "mxcp/sdk/auth/context.py", false),
            new Module("mxcp.sdk.executor", "mxcp/sdk/executor/__init__.py", true));

    /**
     * Installs the finder; afterwards {@code import mxcp.runtime} works in the context. Also turns on the cache of
     * compiled modules ({@code __pycache__}) unless {@code PYTHONDONTWRITEBYTECODE} is set.
     */
    static final String INSTALLER = """
            import os, sys

            # compiled modules are cached as CPython caches them (embedded GraalPy starts with that off, and parsing
            # the standard library anew costs every interpreter start seconds), with CPython's two switches
            sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
            if os.environ.get("PYTHONPYCACHEPREFIX"):
                sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"]

            import importlib.util, json

            # a finder and loader by protocol: subclassing importlib.abc would import it (seconds on GraalPy)
            class _MxcpSources:
                def __init__(self, sources):
                    self.sources = sources

                def find_spec(self, name, path=None, target=None):
                    entry = self.sources.get(name)
                    if entry is None:
                        return None
                    return importlib.util.spec_from_loader(name, self, origin=entry[0], is_package=entry[2])

                def create_module(self, spec):
                    return None

                def exec_module(self, module):
                    filename, source, _ = self.sources[module.__name__]
                    module.__file__ = filename
                    exec(compile(source, filename, "exec"), module.__dict__)

            def _install(sources_json):
                sys.meta_path.insert(0, _MxcpSources(json.loads(sources_json)))

            _install
            """;

    private BridgeSources() {
    }

    /** {@code {module: [filename, source, is_package]}} as JSON, for the installer. */
    static Map<String, List<Object>> sources() {
        Map<String, List<Object>> sources = new LinkedHashMap<>();
        for (Module module : MODULES) {
            sources.put(module.name(), List.of("<mxcp>/" + module.resource(), read(module.resource()), module.isPackage()));
        }
        return sources;
    }

    private static String read(String resource) {
        try (InputStream in = BridgeSources.class.getResourceAsStream("/io/mxcp/executor/python/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
