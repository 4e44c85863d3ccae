"""mxcp.runtime: what endpoint code sees of the running project (spec 01 §5.7)."""
import copy

import _mxcp_bridge as _bridge

__all__ = ["db", "config", "plugins", "mcp", "on_init", "on_shutdown", "reload_duckdb", "ClientCapabilityError"]

ClientCapabilityError = _bridge.ClientCapabilityError


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
        if not isinstance(sql, str):
            raise TypeError("db.execute() takes the SQL as a str, not %s" % type(sql).__name__)
        outcome = _bridge.host.db_execute(sql, _bridge.encode_parameters(params))
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
        # the active profile: the original reads the site file's, which misses a --profile (spec 01 §5.7 QUIRK)
        profile = (project.get("profiles") or {}).get(_bridge.profile) or {}
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


class _Ready:
    """A result that is there at the call, so that plain ``def`` endpoints get it at once, and that can still be
    awaited or handed to ``asyncio.run`` as the original's coroutines are: with ``send``, ``throw`` and ``close``
    it is a ``collections.abc.Coroutine``, which asyncio accepts as a coroutine."""

    def _result(self):
        return self

    def __await__(self):
        return self._result()
        yield  # noqa: unreachable - makes this a generator, as __await__ must return an iterator

    def send(self, value):
        raise StopIteration(self._result())

    def throw(self, kind, value=None, traceback=None):
        raise kind if value is None else value

    def close(self):
        pass


class _Answer(_Ready, dict):
    """A client's answer: a dict that can also be awaited (``await mcp.elicit(...)`` in async endpoints)."""


class _Roots(_Ready, list):
    """The client's roots: a list that can also be awaited."""


class _Sent(_Ready):
    """What a message to the client returns: it went at the call; ``await`` it as in the original, whose methods
    are coroutines, or run it with ``asyncio.run`` from a plain ``def``."""

    def _result(self):
        return None


_SENT = _Sent()


class _Mcp:
    """The MCP client of the current call: messages to it (logged by the CLI; dropped outside a call, e.g. in
    hooks), and input from it (our extension of the original's API; docs/compat.md)."""

    def debug(self, message, **extra):
        return self._log("debug", message)

    def info(self, message, **extra):
        return self._log("info", message)

    def warning(self, message, **extra):
        return self._log("warning", message)

    def error(self, message, **extra):
        return self._log("error", message)

    def progress(self, progress, total=None, message=None):
        if _bridge.current_context.get() is not None:
            _bridge.host.notify_progress(float(progress), None if total is None else float(total), message)
        return _SENT

    def _log(self, level, message):
        if _bridge.current_context.get() is not None:
            _bridge.host.notify_log(level, str(message))
        return _SENT

    # Input from the client. Each ask returns the client's answer at once (it can also be awaited). Under MCP
    # 2026-07-28 an ask the request does not answer yet stops the call; the client answers and sends the call again,
    # and the endpoint runs again from the start: ask the same things in the same order, before changing anything.

    def supports(self, capability):
        """Whether the client declared a capability: "elicitation", "sampling" or "roots"."""
        return _bridge.current_context.get() is not None and bool(_bridge.host.client_supports(capability))

    def ask(self, requests):
        """Asks several things at once. ``requests`` maps keys to MCP requests, e.g. ``{"name": {"method":
        "elicitation/create", "params": {...}}}`` (also "sampling/createMessage" and "roots/list"); returns the
        client's results by key. A key names the ask across rounds: the same on every run, unique in the call."""
        _context()
        answers = _bridge.client_answer(_bridge.host.ask_client(_bridge.encode(requests)))
        return _Answer({key: dict(answer) for key, answer in answers.items()})

    def elicit(self, message, schema, key=None):
        """Asks the client's user to fill in a form (``schema``: a flat JSON Schema object); returns
        ``{"action": "accept" | "decline" | "cancel", "content": {...}}``."""
        return self._ask_one(key, "elicitation/create", {"message": message, "requestedSchema": schema})

    def sample(self, messages, max_tokens, *, system_prompt=None, temperature=None, stop_sequences=None,
               model_preferences=None, include_context=None, metadata=None, key=None):
        """Asks the client's language model for a completion. ``messages``: a text (one user message) or MCP
        sampling messages; returns the CreateMessageResult (``role``, ``content``, ``model``, ``stopReason``)."""
        if isinstance(messages, str):
            messages = [{"role": "user", "content": {"type": "text", "text": messages}}]
        params = {"messages": list(messages), "maxTokens": max_tokens}
        for name, value in (("systemPrompt", system_prompt), ("temperature", temperature),
                            ("stopSequences", stop_sequences), ("modelPreferences", model_preferences),
                            ("includeContext", include_context), ("metadata", metadata)):
            if value is not None:
                params[name] = value
        return self._ask_one(key, "sampling/createMessage", params)

    def list_roots(self, key=None):
        """The client's roots, each ``{"uri": ..., "name": ...}``."""
        return _Roots(self._ask_one(key, "roots/list", {}).get("roots") or [])

    def _ask_one(self, key, method, params):
        _context()
        request = {"method": method, "params": params}
        if key is None:
            return _Answer(_bridge.client_answer(_bridge.host.ask_client_unnamed(_bridge.encode(request))))
        return _Answer(_bridge.client_answer(_bridge.host.ask_client(_bridge.encode({key: request})))[key])


db = _Db()
config = _Config()
plugins = _Plugins()
mcp = _Mcp()

# Python names a method by its class in messages ("_Db.execute() takes from 2 to 3 positional arguments"): by the
# object endpoint code knows instead
for _name, _object in (("db", db), ("config", config), ("plugins", plugins), ("mcp", mcp)):
    for _attribute, _member in vars(type(_object)).items():
        if callable(_member) and not _attribute.startswith("_"):
            _member.__qualname__ = "%s.%s" % (_name, _attribute)
del _name, _object, _attribute, _member


def on_init(function):
    """Registers a zero-argument function to run when the project's runtime starts."""
    _bridge.init_hooks.append(function)
    return function


def on_shutdown(function):
    """Registers a zero-argument function to run when the project's runtime stops."""
    _bridge.shutdown_hooks.append(function)
    return function


def reload_duckdb(payload_func=None, description=""):
    """Queues a full reload of the server running this call and returns at once. Once the running calls have
    finished, the runtime is shut down (on_shutdown hooks, plugins, DuckDB connections), ``payload_func`` runs if
    given (e.g. to replace the database file; no execution context, no database), and the runtime starts again
    (on_init hooks). A payload that raises fails the reload: the error is logged and the previous configuration
    starts again. Only endpoints a server runs can reload it."""
    _context()
    if payload_func is not None and not callable(payload_func):
        raise TypeError("reload_duckdb: payload_func must be callable, got %s" % type(payload_func).__name__)
    outcome = _bridge.host.request_reload(payload_func, str(description or ""))
    if outcome.startswith(_bridge.HOST_ERROR):
        raise RuntimeError(outcome[len(_bridge.HOST_ERROR):])
