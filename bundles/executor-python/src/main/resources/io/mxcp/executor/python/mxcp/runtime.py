"""mxcp.runtime: what endpoint code sees of the running project (spec 01 §5.7)."""
import copy

import _mxcp_bridge as _bridge

__all__ = ["db", "config", "plugins", "mcp", "on_init", "on_shutdown", "reload_duckdb"]


def _context():
    context = _bridge.current_context.get()
    if context is None:
        raise RuntimeError("No execution context available - function not called from MXCP executor")
    return context


class _Db:
    def execute(self, sql, params=None):
        """Runs SQL on the project's DuckDB; returns the rows as a list of dicts."""
        _context()
        if _bridge.host is None:
            raise RuntimeError("No DuckDB runtime available in execution context")
        outcome = _bridge.host.db_execute(sql, _bridge.encode(params or {}))
        if outcome.startswith(_bridge.HOST_ERROR):
            raise RuntimeError(outcome[len(_bridge.HOST_ERROR):])
        return _bridge.decode(outcome)


class _Config:
    def get_secret(self, name):
        context = _bridge.current_context.get()
        user_config = context.get("user_config") if context else _bridge.user_config
        if not user_config:
            return None
        site = context.get("site_config") if context else _bridge.site_config
        project = (user_config.get("projects") or {}).get(site.get("project")) or {}
        profile = (project.get("profiles") or {}).get(site.get("profile")) or {}
        for secret in profile.get("secrets") or []:
            if secret.get("name") == name:
                return copy.deepcopy(secret.get("parameters") or {})
        return None

    def get_setting(self, key, default=None):
        context = _bridge.current_context.get()
        value = context.get("site_config") if context else _bridge.site_config
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
        return value

    @property
    def user_config(self):
        context = _bridge.current_context.get()
        return context.get("user_config") if context else None

    @property
    def site_config(self):
        context = _bridge.current_context.get()
        return context.get("site_config") if context else None


class _Plugins:
    def get(self, name):
        return _bridge.plugin_instances.get(name)

    def list(self):
        return list(_bridge.plugin_instances)


class _Mcp:
    """Messages to the MCP client of the current call; logged by the CLI; dropped outside a call (hooks)."""

    async def debug(self, message, **extra):
        self._log("debug", message)

    async def info(self, message, **extra):
        self._log("info", message)

    async def warning(self, message, **extra):
        self._log("warning", message)

    async def error(self, message, **extra):
        self._log("error", message)

    async def progress(self, progress, total=None, message=None):
        if _bridge.current_context.get() is not None:
            _bridge.host.notify_progress(float(progress), None if total is None else float(total), message)

    def _log(self, level, message):
        if _bridge.current_context.get() is not None:
            _bridge.host.notify_log(level, str(message))


db = _Db()
config = _Config()
plugins = _Plugins()
mcp = _Mcp()


def on_init(function):
    """Registers a zero-argument function to run when the project's runtime starts."""
    _bridge.init_hooks.append(function)
    return function


def on_shutdown(function):
    """Registers a zero-argument function to run when the project's runtime stops."""
    _bridge.shutdown_hooks.append(function)
    return function


def reload_duckdb(payload_func=None, description=""):
    # this runtime gives endpoint code no server reference, so a reload cannot be queued from Python
    raise RuntimeError("Server reference not available in context. "
                       "This function can only be called from within MXCP server endpoints.")
