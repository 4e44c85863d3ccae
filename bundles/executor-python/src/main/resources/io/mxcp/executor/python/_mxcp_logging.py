"""Python's logging module taken into the server's log (not part of the public mxcp API).

Endpoint and plugin code log as any Python code does (``logging.getLogger(__name__).info(...)``); their records go
where the server's own lines go (standard error, the user config's log file) under their own logger's name, at the
level the server logs at: the threshold follows ``--debug`` and the user config's ``logging.level``. Without this,
Python's last-resort handler printed warnings and errors as bare text on standard error and dropped the rest.

``logging`` takes long to import on GraalPy's interpreter, so it is not imported for this: the handler is installed
when the project's code (or a library it uses) first imports it.
"""
import sys

_threshold = 30        # logging.WARNING
_sink = None           # (level name, logger name, message) -> None: the server's log
_handler = None


def route(threshold, sink):
    """Sends Python's records at or above ``threshold`` to ``sink`` once ``logging`` is imported; called again at
    every runtime generation (a reload may change the level)."""
    global _threshold, _sink
    _threshold = threshold
    _sink = sink
    if "logging" in sys.modules:
        _install(sys.modules["logging"])
    elif not any(isinstance(finder, _ImportWatch) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ImportWatch())


class _ImportWatch:
    """A finder that lets the rest of the import system find ``logging`` and installs the handler once it ran."""

    def find_spec(self, name, path=None, target=None):
        if name != "logging":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _InstallAfter(spec.loader)
        return spec


class _InstallAfter:
    """The loader of ``logging``, installing the handler after the module ran."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _install(module)


def _level_name(number):
    if number >= 40:
        return "error"
    if number >= 30:
        return "warning"
    return "info" if number >= 20 else "debug"


def _install(logging):
    global _handler
    logging.getLogger().setLevel(_threshold)
    if _handler is not None:
        return

    class ServerLog(logging.Handler):
        def emit(self, record):
            try:
                _sink(_level_name(record.levelno), record.name, self.format(record))
            except Exception:  # noqa: B902 - logging never fails the code that logs
                self.handleError(record)

    _handler = ServerLog()
    _handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger().addHandler(_handler)
