"""The Java side's entry points into a project's Python context (not part of the public mxcp API).

Values cross the boundary as JSON text with tagged objects for the types JSON lacks, so that both sides keep
dates, decimals and big integers exact; the Java side reads and writes the same tags (ValueCodec).

Modules that take long to import on GraalPy's interpreter (asyncio, decimal, hashlib, uuid, threading, inspect,
traceback, typing) are imported only when something needs them: a value can only be a Decimal or a UUID once its
module was imported, inspect serves inline code and plugins, traceback failures, typing plugins. Every runtime
generation (each `mxcp run`, each reload of a server) imports this module anew, so what it imports is start-up time.
"""
import builtins
import contextvars
import datetime
import functools
import importlib
import importlib.util
import io
import json
import math
import os
import sys
import time
import types as _types
import weakref

import _mxcp_logging

TAG = "__mxcp_type__"
# what the Java bridge puts before an error message instead of a result (a Java exception would reach Python as
# a foreign object rather than an exception with the message)
HOST_ERROR = "\0error:"

# what the Java bridge answers an ask of the MCP client with instead of the answers when the call must stop until
# the client gives its input (MCP 2026-07-28), or when the client lacks a capability the ask needs (ClientAsks.java)
INPUT_REQUIRED = "\0input_required:"
MISSING_CAPABILITY = "\0missing_capability:"

# The current call's execution context (spec 01 §5.7); asyncio copies it into the tasks a call starts.
current_context = contextvars.ContextVar("mxcp_execution_context", default=None)

host = None            # the Java bridge object (db_execute, log)
user_config = None     # plain dict views of the project's configuration
site_config = None
profile = None         # the active profile, which may not be the site file's (a --profile)
project_root = None
init_hooks = []
shutdown_hooks = []
plugin_instances = {}
_modules_by_path = {}
_imported_versions = {}   # path -> the file's modification time when its module was imported
_loops = None


class NoContextError(RuntimeError):
    pass


class InputRequired(BaseException):
    """The call needs input from the MCP client first: the server asks the client (MCP 2026-07-28) and runs the
    endpoint again with the answers. Not an error, so a BaseException (as KeyboardInterrupt): ``except Exception``
    in endpoint code lets it through."""


class ClientCapabilityError(RuntimeError):
    """The MCP client did not declare the capability (elicitation, sampling, roots) an input request needs."""


def client_answer(outcome):
    """The decoded answer of an ask of the MCP client, or the exception the bridge's outcome stands for."""
    if outcome.startswith(INPUT_REQUIRED):
        raise InputRequired(outcome[len(INPUT_REQUIRED):])
    if outcome.startswith(MISSING_CAPABILITY):
        raise ClientCapabilityError(outcome[len(MISSING_CAPABILITY):])
    if outcome.startswith(HOST_ERROR):
        raise RuntimeError(outcome[len(HOST_ERROR):])
    return decode(outcome)


def _beyond_python(value, kind):
    """A year Python cannot hold (DuckDB's infinity and -infinity, years past 9999 or before 1, which ISO text
    writes with a sign) as Python's max or min, as DuckDB's Python API gives the infinities, aware (UTC) when the
    value has an offset, so that it compares with the other values of its column; None otherwise."""
    if value[0] == "+":
        extreme = kind.max
    elif value[0] == "-" or value.startswith("0000"):
        extreme = kind.min
    else:
        return None
    zoned = kind is datetime.datetime and (value.endswith("Z") or value[-6:-5] in ("+", "-"))
    return extreme.replace(tzinfo=datetime.timezone.utc) if zoned else extreme


def _decode_tagged(obj):
    kind = obj.get(TAG)
    if kind is None:
        return obj
    value = obj["v"]
    if kind == "date":
        return _beyond_python(value, datetime.date) or datetime.date.fromisoformat(value)
    if kind == "time":
        return datetime.time.fromisoformat(value)
    if kind == "datetime":
        return _beyond_python(value, datetime.datetime) or datetime.datetime.fromisoformat(value)
    if kind == "decimal":
        import decimal
        return decimal.Decimal(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "timedelta":
        return datetime.timedelta(microseconds=int(value))
    if kind == "uuid":
        import uuid
        return uuid.UUID(value)
    if kind == "bytes":
        import base64
        return base64.b64decode(value)
    return obj


def decode(text):
    return json.loads(text, object_hook=_decode_tagged)


class UnsupportedValue(TypeError):
    """A value that cannot cross to the Java side; the message describes it (``a value of type 'object', which ...``),
    so that whoever handed it over can say ``returned ...`` or ``parameter 'n' is ...``."""


class TooDeepValue(UnsupportedValue):
    """A value nested deeper than the recursion limit: most often a list or dict that contains itself."""


class UnsupportedResult(TypeError):
    """An endpoint's result that cannot cross to the Java side, which names the function before the message."""


_JSON_LIKE = "None, bool, int, float, str, bytes, Decimal, UUID, date/time, list, tuple, set, dict"


def _tagged(kind, value):
    return {TAG: kind, "v": value}


def _encodable(value):
    # bool before int: bool is an int subclass
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return value if -(2 ** 63) <= value < 2 ** 63 else _tagged("int", str(value))
    if isinstance(value, float):
        return value if math.isfinite(value) else _tagged("float", repr(value))
    if isinstance(value, dict):
        return {str(k): _encodable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_encodable(v) for v in value]
    if isinstance(value, datetime.datetime):
        return _tagged("datetime", value.isoformat())
    if isinstance(value, datetime.date):
        return _tagged("date", value.isoformat())
    if isinstance(value, datetime.time):
        return _tagged("time", value.isoformat())
    if isinstance(value, datetime.timedelta):
        return _tagged("timedelta", str(value // datetime.timedelta(microseconds=1)))
    decimal = sys.modules.get("decimal")
    if decimal is not None and isinstance(value, decimal.Decimal):
        return _tagged("decimal", str(value))
    uuid = sys.modules.get("uuid")
    if uuid is not None and isinstance(value, uuid.UUID):
        return _tagged("uuid", str(value))
    if isinstance(value, (bytes, bytearray)):
        import base64
        return _tagged("bytes", base64.b64encode(bytes(value)).decode("ascii"))
    if hasattr(value, "to_dict") and callable(value.to_dict) and type(value).__name__ == "DataFrame":
        return _encodable(value.to_dict("records"))
    if hasattr(value, "tolist") and callable(value.tolist):
        return _encodable(value.tolist())
    raise UnsupportedValue("a value of type '%s', which is not JSON-like (%s)" % (type(value).__name__, _JSON_LIKE))


def encode(value):
    try:
        return json.dumps(_encodable(value), allow_nan=False)
    except RecursionError:
        raise TooDeepValue("a value nested deeper than %d levels, or a list or dict that contains itself"
                           % sys.getrecursionlimit()) from None


def encode_result(value):
    """An endpoint's result, encoded; one that cannot be is the endpoint's failure, not the bridge's."""
    try:
        return encode(value)
    except UnsupportedValue as error:
        raise UnsupportedResult("returned %s" % _holding(value, error)) from None


def _holding(value, error):
    """``a dict holding a value of type 'object', ...`` when the value that cannot cross is inside a container."""
    if isinstance(value, (dict, list, tuple, set, frozenset)) and not isinstance(error, TooDeepValue):
        return "a %s holding %s" % (type(value).__name__, error)
    return str(error)


def encode_parameters(params):
    """``db.execute``'s parameters, encoded; one the Java side cannot take is named where the endpoint passed it."""
    if params is None:
        return "{}"
    if not isinstance(params, dict):
        raise TypeError("db.execute() takes its parameters as a dict of named ($name) values, not %s"
                        % type(params).__name__)
    try:
        return encode(params)
    except UnsupportedValue:
        for name, value in params.items():
            try:
                encode(value)
            except UnsupportedValue as error:
                raise TypeError("db.execute() parameter '%s' is %s" % (name, _holding(value, error))) from None
        raise


# ---- execution context (spec 01 §5.7) ------------------------------------------------------------------------

class UserContext:
    """The caller as the auth layer (or the CLI's --user-context) describes it."""

    def __init__(self, fields):
        self.provider = fields.get("provider")
        self.user_id = fields.get("user_id")
        self.username = fields.get("username")
        self.email = fields.get("email")
        self.name = fields.get("name")
        self.avatar_url = fields.get("avatar_url")
        self.raw_profile = fields.get("raw_profile") or {}
        self.external_token = fields.get("external_token")
        self.scopes = fields.get("scopes") or []
        self.capabilities = fields.get("capabilities") or []

    def __repr__(self):
        return "UserContext(provider=%r, user_id=%r, username=%r)" % (self.provider, self.user_id, self.username)


class ExecutionContext:
    def __init__(self, values, user_context):
        self._values = values
        self.user_context = user_context

    def get(self, key, default=None):
        return self._values.get(key, default)

    def set(self, key, value):
        self._values[key] = value

    @property
    def username(self):
        return self.user_context.username if self.user_context else None

    @property
    def user_id(self):
        return self.user_context.user_id if self.user_context else None

    @property
    def email(self):
        return self.user_context.email if self.user_context else None

    @property
    def provider(self):
        return self.user_context.provider if self.user_context else None

    @property
    def external_token(self):
        return self.user_context.external_token if self.user_context else None


def make_context(call):
    """A call's context from the Java side's {id, transport, user, headers} (absent fields when unknown); hooks
    run outside any call get neither a transport nor the MCP proxy."""
    call = call or {}
    user = UserContext(call["user"]) if call.get("user") else None
    values = {"user_config": user_config, "site_config": site_config, "duckdb_runtime": host}
    if call.get("transport") is not None:
        values["transport"] = call["transport"]
        values["mcp"] = importlib.import_module("mxcp.runtime").mcp
    if call.get("headers") is not None:
        values["request_headers"] = call["headers"]
    return ExecutionContext(values, user)


# ---- module loading (spec 01 §5.3) -----------------------------------------------------------------------------

def configure(bridge, config_text, root, python_dir, plugin_dir):
    global host, user_config, site_config, profile, project_root
    host = bridge
    project_root = root
    config = decode(config_text)
    user_config = config["user_config"]
    site_config = config["site_config"]
    profile = config["profile"]
    _mxcp_logging.route(config["log_level"], _log_to_server)
    # urllib3 (under requests) warns at its import that GraalPy's ssl module is not OpenSSL: it is Java's TLS, which
    # has what urllib3 asks OpenSSL for, and the user can do nothing about it
    import warnings
    warnings.filterwarnings("ignore", message="urllib3 v2 only supports OpenSSL")
    add_environment_packages()
    for path in (plugin_dir, root, python_dir):
        if path and os.path.isdir(path) and path not in sys.path:
            sys.path.insert(0, path)


def _log_to_server(level, logger, message):
    """A record of Python's logging: the server's log, or standard error between two runtime generations."""
    if host is not None:
        host.log(level, logger, message)
    else:
        sys.stderr.write("%s: %s\n" % (logger, message))


def add_environment_packages():
    """Packages installed outside the project, found as CPython finds them (GraalPy's embedding ignores both):
    PYTHONPATH's folders before the standard library, the active virtual environment's site-packages after it
    (with its .pth files). The project's own folders go in front of both."""
    entries = [entry for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry]
    for entry in reversed(entries):
        if os.path.isdir(entry) and entry not in sys.path:
            sys.path.insert(0, entry)
    venv = os.environ.get("VIRTUAL_ENV")
    lib = os.path.join(venv, "lib") if venv else None
    if lib and os.path.isdir(lib):
        import site
        for name in sorted(os.listdir(lib)):
            packages = os.path.join(lib, name, "site-packages")
            if name.startswith("python") and os.path.isdir(packages) and packages not in sys.path:
                site.addsitedir(packages)


def end_generation():
    """The end of a runtime generation (spec 01 §5.8): the module cache is dropped and the generation's host let go.
    The modules stay in sys.modules, so the next generation's preload imports none of them again (§5.3) and their
    hook registrations persist: the init hooks run again."""
    global host, _udf_call
    _modules_by_path.clear()
    host = None
    _udf_call = (None, None)


def module_name(path, python_dir):
    if python_dir:
        relative = os.path.relpath(path, python_dir)
        if not relative.startswith(".."):
            return os.path.splitext(relative)[0].replace(os.sep, ".")
    import hashlib
    stem = os.path.splitext(os.path.basename(path))[0]
    digest = hashlib.sha256(os.path.abspath(path).encode("utf-8")).hexdigest()[:8]
    return "_mxcp_endpoint_%s_%s" % (stem, digest)


def load_module(path, python_dir):
    """The module of a file, imported once (per absolute path, and by name in sys.modules)."""
    module = _modules_by_path.get(path)
    if module is not None:
        return module
    name = module_name(path, python_dir)
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        version = _version(path)
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        _imported_versions[path] = version
    _modules_by_path[path] = module
    return module


def _version(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def changed_since_import(path):
    """Whether a module's file changed after it was imported: the server runs the code as imported (spec 01 §5.3:
    modules are imported once per process) until it restarts."""
    return path in _imported_versions and _version(path) != _imported_versions[path]


def changed_modules():
    """The files of the imported modules that changed after their import, as the project names them."""
    return [_shown_file(path) for path in sorted(_imported_versions) if changed_since_import(path)]


def preload(python_dir):
    """Imports every module under python/ (so their hooks register); returns [file, error report] for failures."""
    failures = []
    for folder, dirs, files in os.walk(python_dir):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for file in sorted(files):
            if not file.endswith(".py") or file.startswith("_"):
                continue
            path = os.path.join(folder, file)
            try:
                load_module(path, python_dir)
            except BaseException as error:  # noqa: B902 - reported, never fatal
                failures.append([_shown_file(path), error_report(error)])
    return failures


def find_function(module, kind, name, path):
    """The endpoint's callable (spec 01 §5.2), or None."""
    if kind == "tool":
        candidate = getattr(module, name, None)
        return candidate if callable(candidate) else None
    for preferred in ("main", os.path.splitext(os.path.basename(path))[0]):
        candidate = getattr(module, preferred, None)
        if callable(candidate):
            return candidate
    for attribute in sorted(vars(module)):
        candidate = getattr(module, attribute)
        if not attribute.startswith("_") and callable(candidate) and not isinstance(candidate, type):
            return candidate
    return None


# ---- calls (spec 01 §5.4, §5.5) -----------------------------------------------------------------------------------

def _event_loop():
    global _loops
    import asyncio
    if _loops is None:
        import threading
        _loops = threading.local()
    loop = getattr(_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = asyncio.new_event_loop()
        _loops.loop = loop
    return loop


# ---- cancellation (spec 04 §5) ---------------------------------------------------------------------------------
# The Java side stops a cancelled call by making its thread raise at its next safepoint (the kernel's thread
# interrupt). GraalPy holds that back while a blocking builtin waits, so time.sleep sleeps in short slices, and an
# async call's event loop is woken by cancelling its task from another thread (cancel_async_call); the interrupt
# then comes out of run_until_complete, and the task is cancelled so that the coroutine gets CancelledError.

_CANCEL_GRACE_SECONDS = 0.5    # how long a cancelled coroutine may take to handle its CancelledError
_SLEEP_SLICE_SECONDS = 0.1
_async_calls = {}              # call id -> (loop, task) of the running async calls


def _sliced_sleep(real_sleep, monotonic):
    def sleep(seconds):
        if not isinstance(seconds, (int, float)) or seconds <= _SLEEP_SLICE_SECONDS:
            return real_sleep(seconds)
        deadline = monotonic() + seconds
        remaining = seconds
        while remaining > 0:
            real_sleep(min(remaining, _SLEEP_SLICE_SECONDS))
            remaining = deadline - monotonic()
        return None
    sleep.__doc__ = real_sleep.__doc__
    return sleep


# once per interpreter (configure runs at each generation's start): a cancellable sleep
time.sleep = _sliced_sleep(time.sleep, time.monotonic)


# ---- files left open ------------------------------------------------------------------------------------------------
# CPython closes a file, writing out its buffer, as soon as its last reference goes, so `open(p, "w").write(text)`
# writes at once; GraalPy closes it only when its collector runs, maybe never before the process ends, and the text
# is lost. Files opened through open() are remembered (weakly), and what they hold is written out after each call,
# hook and reload payload, as CPython would have.

_open_files = weakref.WeakSet()


def _remembering(real_open):
    def open(*args, **kwargs):
        file = real_open(*args, **kwargs)
        try:
            _open_files.add(file)
        except TypeError:  # a file object that takes no weak reference: left as it is
            pass
        return file
    return functools.update_wrapper(open, real_open)


# once per interpreter, as time.sleep above
builtins.open = io.open = _remembering(io.open)


def flush_open_files():
    """Writes out the buffers of the files code opened and has not closed."""
    for file in list(_open_files):
        try:
            if not file.closed:
                file.flush()
        except (OSError, ValueError):  # a file that cannot take its data now is the code's to handle, as in CPython
            pass


def cancel_async_call(call_id):
    """Cancels a running async call's task (from any thread); False when that call runs no task."""
    entry = _async_calls.get(call_id)
    if entry is None:
        return False
    loop, task = entry
    loop.call_soon_threadsafe(task.cancel)
    return True


def _awaitable(value):
    """What inspect.isawaitable answers (a coroutine, an object with __await__, a generator-based coroutine)."""
    return hasattr(type(value), "__await__") or (
        isinstance(value, _types.GeneratorType) and bool(value.gi_code.co_flags & 0x100))  # CO_ITERABLE_COROUTINE


def _await_if_needed(result, call_id=None):
    if not _awaitable(result):
        return result
    import asyncio
    loop = _event_loop()
    task = asyncio.ensure_future(result, loop=loop)
    if call_id is not None:
        _async_calls[call_id] = (loop, task)
    try:
        return loop.run_until_complete(task)
    except BaseException:
        # stopped while the loop ran (the thread interrupt): cancel the task the asyncio way, so that the coroutine
        # can clean up and no task stays behind on this thread's loop
        if not task.done():
            task.cancel()
            try:
                loop.run_until_complete(asyncio.wait([task], timeout=_CANCEL_GRACE_SECONDS))
            except BaseException:  # noqa: B902 - the first exception is the one reported
                pass
        raise
    finally:
        if call_id is not None:
            _async_calls.pop(call_id, None)


def invoke(function, args_text, call_text):
    """Calls a function by keyword with a call's context; returns the encoded result."""
    call = decode(call_text) if call_text else {}
    token = current_context.set(make_context(call))
    try:
        return encode_result(_await_if_needed(_called(function, decode(args_text)), call.get("id")))
    finally:
        current_context.reset(token)
        flush_open_files()


def _called(function, arguments):
    """``function(**arguments)``; arguments the function does not take are named as CPython names them: GraalPy's
    message for two or more unexpected keywords names their count (``got an unexpected keyword argument '2'``)."""
    try:
        return function(**arguments)
    except TypeError as error:
        if error.__traceback__.tb_next is not None:  # raised within the function, not by the call
            raise
        import inspect
        try:
            inspect.signature(function).bind(**arguments)
        except TypeError as mismatch:
            raise TypeError("%s() %s" % (getattr(function, "__name__", "function"), mismatch)) from None
        except ValueError:  # no signature to check against
            pass
        raise


_NO_RESULT = object()


def run_inline(code, args_text, call_text):
    arguments = decode(args_text)
    call = decode(call_text) if call_text else {}
    token = current_context.set(make_context(call))
    try:
        return encode_result(_await_if_needed(_inline_result(code, arguments), call.get("id")))
    finally:
        current_context.reset(token)
        flush_open_files()


def _inline_result(code, arguments):
    namespace = dict(arguments)
    for alias, module in (("pd", "pandas"), ("np", "numpy")):
        try:
            namespace[alias] = namespace[module] = importlib.import_module(module)
        except ImportError:
            pass
    stripped = code.strip()
    if stripped.startswith("return "):
        return eval(compile(stripped[len("return "):], "<inline>", "eval"), namespace)
    before = set(namespace)
    exec(compile(code, "<inline>", "exec"), namespace)
    for variable in ("__result", "result"):
        if variable in namespace and variable not in before:
            return namespace[variable]
    for name, candidate in namespace.items():
        if name in before or name.startswith("_") or not callable(candidate) or isinstance(candidate, type):
            continue
        import inspect
        parameters = set(inspect.signature(candidate).parameters)
        if not parameters or set(arguments) <= parameters:
            return candidate(**arguments) if parameters else candidate()
    raise LookupError("No suitable function found in inline code")


def error_report(error, _depth=0):
    """[type name, message, where, frames, cause, group] of an exception. ``where`` is the last frame outside the
    bridge as 'file:line in function', followed by the innermost frame of the project's own code when the last one
    is not (``json/decoder.py:354 in raw_decode, called from python/boom.py:7 in boom``); the frames are those
    outside the bridge as [file, line, function], outermost first (a syntax error's place last, a recursion cut
    short); the cause is the report of the exception this one was raised from or while handling, as Python prints
    them, else None; the group, the reports of an exception group's members."""
    import traceback
    frames = traceback.extract_tb(error.__traceback__)
    user_frames = [f for f in frames if not f.filename.startswith("<mxcp>/")]
    shown = [[_shown_file(f.filename), f.lineno or 0, f.name] for f in user_frames]
    trace = _collapsed(shown)
    if isinstance(error, SyntaxError) and error.filename:
        trace.append([_shown_file(error.filename), error.lineno or 0, "<module>"])
        where = "%s:%s" % tuple(trace[-1][:2])
    elif shown:
        where = "%s:%s in %s" % tuple(shown[-1])
        own = [frame for frame, f in zip(shown, user_frames) if _in_project(f.filename)]
        if own and own[-1] is not shown[-1]:
            where += ", called from %s:%s in %s" % tuple(own[-1])
    else:
        where = None
    try:
        # a syntax error's own text repeats its place: "expected ':' (calc.py, line 4)"
        message = error.msg if isinstance(error, SyntaxError) and error.msg else str(error)
    except Exception:  # noqa: B902 - a broken __str__ must not hide the exception's type and place
        message = "<exception str() failed>"
    nested = _depth < _MAX_NESTING
    cause = error.__cause__ if error.__cause__ is not None or error.__suppress_context__ else error.__context__
    chained = error_report(cause, _depth + 1) if cause is not None and nested else None
    members = getattr(error, "exceptions", None) if isinstance(error, BaseExceptionGroup) and nested else None
    group = [error_report(member, _depth + 1) for member in members or ()]
    return [type(error).__name__, message, where, trace, chained, group]


_MAX_NESTING = 8   # Python's own chains cannot loop, but a hand-set __cause__ can
_REPEATS_SHOWN = 3


def _collapsed(trace):
    """The frames with a run of one frame repeated (a runaway recursion) cut to a few, the last one saying how many
    more there were, as Python's traceback does (``[Previous line repeated 996 more times]``)."""
    collapsed = []
    run = 0
    for frame in trace:
        run = run + 1 if collapsed and frame == collapsed[-1][:3] else 1
        if run <= _REPEATS_SHOWN:
            collapsed.append(list(frame))
        elif run == _REPEATS_SHOWN + 1:
            collapsed[-1].append(1)
        else:
            collapsed[-1][3] += 1
    for frame in collapsed:
        if len(frame) == 4:
            frame[2] = "%s [repeated %d more times]" % (frame[2], frame.pop())
    return collapsed


def _in_project(filename):
    """Whether a file is the project's own code: an endpoint's inline code, or a file under its root that is not a
    package installed there (``.venv``); never a pseudo-file (``<frozen importlib._bootstrap>``)."""
    if filename.startswith("<"):
        return filename == "<inline>"
    root = project_root and os.path.join(os.path.realpath(project_root), "")
    real = os.path.realpath(filename)
    return bool(root) and real.startswith(root) and os.sep + "site-packages" + os.sep not in real


def _shown_file(filename):
    """A file of the project relative to its root (``python/calc.py``); any other one as its import path names it
    (``requests/adapters.py``): the message may reach a remote MCP client, which needs the file, not where the server
    has it. Symbolic links are looked through on both sides; a package found by no known folder is named from its
    ``site-packages``."""
    real = os.path.realpath(filename)
    for path in (filename, real):
        shown = _under_known_folder(path)
        if shown:
            return shown
    marker = os.sep + "site-packages" + os.sep
    return real[real.rindex(marker) + len(marker):] if marker in real else filename


def _under_known_folder(path):
    """The path relative to the project root, else to the innermost ``sys.path`` folder holding it, else None."""
    for entries in ([project_root], sys.path):
        folders = [folder for entry in entries if entry for folder in (entry, os.path.realpath(entry))
                   if path.startswith(os.path.join(folder, ""))]
        if folders:
            return path[len(os.path.join(max(folders, key=len), "")):]
    return None


def _described(error):
    """``<message> (<type> at <file>:<line> in <function>)``, as the Java side describes a Python failure
    (PythonFailure.describe): a plugin's failure names what went wrong where, not only its message (``no such codec
    is supported``)."""
    kind, message, where = error_report(error)[:3]
    if not message:
        return "%s (at %s)" % (kind, where) if where else kind
    return "%s (%s at %s)" % (message, kind, where) if where else "%s (%s)" % (message, kind)


def run_hooks(hooks):
    """Runs zero-argument hooks in registration order with the init context; returns [hook name, error report] for
    failures."""
    token = current_context.set(make_context(None))
    failures = []
    try:
        for hook in list(hooks):
            try:
                _await_if_needed(hook())
            except BaseException as error:  # noqa: B902 - logged, never fatal
                failures.append([str(getattr(hook, "__name__", hook)), error_report(error)])
    finally:
        current_context.reset(token)
        flush_open_files()
    return failures


def run_payload(function):
    """Runs a reload_duckdb payload on the reload's thread, outside any call: the runtime is shut down."""
    try:
        _await_if_needed(function())
    finally:
        flush_open_files()


# ---- plugins (spec 01 §6) ----------------------------------------------------------------------------------------

_SQL_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", bytes: "BLOB",
              datetime.date: "DATE", datetime.time: "TIME", datetime.datetime: "TIMESTAMP",
              datetime.timedelta: "INTERVAL"}


def sql_type(annotation):
    """The DuckDB type for a UDF annotation (spec 01 §6.3)."""
    import typing as _typing
    if annotation is _typing.Any:
        raise TypeError("Type 'Any' is not supported in UDF type annotations")
    origin = _typing.get_origin(annotation)
    arguments = _typing.get_args(annotation)
    if origin is _typing.Annotated:
        return sql_type(arguments[0])
    if origin is _typing.Union or origin is _types.UnionType:
        present = [a for a in arguments if a is not type(None)]
        if len(present) == 1:
            return sql_type(present[0])
    elif annotation in _SQL_TYPES:
        return _SQL_TYPES[annotation]
    elif getattr(annotation, "__module__", None) == "decimal" and annotation.__name__ == "Decimal":
        return "DECIMAL"
    elif origin is list and len(arguments) == 1:
        return sql_type(arguments[0]) + "[]"
    elif origin is dict and len(arguments) == 2:
        return "MAP(%s, %s)" % (sql_type(arguments[0]), sql_type(arguments[1]))
    elif isinstance(annotation, type) and getattr(annotation, "__annotations__", None):
        fields = _typing.get_type_hints(annotation)
        return "STRUCT(%s)" % ", ".join("%s %s" % (name, sql_type(t)) for name, t in fields.items())
    name = getattr(annotation, "__name__", None) or str(annotation)
    raise TypeError("Type '%s' is not supported in UDF type annotations" % name)


def load_plugins(definitions_text):
    """Imports and instantiates the site's plugins; returns their UDFs as [{plugin, method, name, parameters, returns}]."""
    import inspect
    import typing as _typing
    from mxcp.plugins import MXCPBasePlugin
    functions = []
    for definition in decode(definitions_text):
        module_name_ = definition["module"]
        try:
            module = importlib.import_module(module_name_)
        except Exception as error:
            raise RuntimeError("Failed to import plugin module %s: %s" % (module_name_, _described(error))) from error
        plugin_class = getattr(module, "MXCPPlugin", None)
        if not (inspect.isclass(plugin_class) and issubclass(plugin_class, MXCPBasePlugin)):
            raise RuntimeError("Module %s must contain an MXCPPlugin class: no subclass of MXCPBasePlugin named "
                               "MXCPPlugin found" % module_name_)
        try:
            instance = plugin_class(definition["config"])
        except Exception as error:
            raise RuntimeError("Failed to create plugin %s (module %s): %s"
                               % (definition["name"], module_name_, _described(error))) from error
        plugin_instances[definition["name"]] = instance
        for method_name in sorted(dir(plugin_class)):
            method = getattr(plugin_class, method_name, None)
            if not getattr(method, "_mxcp_udf", False):
                continue
            hints = _typing.get_type_hints(method, include_extras=True)
            parameters = [p for p in inspect.signature(method).parameters if p != "self"]
            if "return" not in hints or any(p not in hints for p in parameters):
                host.log("warning", module_name_, "UDF %s of plugin %s skipped: it needs type hints for every "
                                                  "parameter and the return value" % (method_name, definition["name"]))
                continue
            functions.append({"plugin": definition["name"], "method": method_name,
                              "name": "%s_%s" % (method_name, definition["name"]),
                              "parameters": [sql_type(hints[p]) for p in parameters],
                              "returns": sql_type(hints["return"])})
    return encode(functions)


_udf_call = (None, None)


def call_udf(plugin, method, args_text, call_text):
    """Runs a UDF for the call its SQL statement runs for (spec 01 §6.3: get_user_context() is that call's user),
    whichever thread DuckDB runs it on. A statement calls it once per row: the last call's text is decoded once, and
    each row gets a context of its own (a UDF may set values on it)."""
    global _udf_call
    known_text, call = _udf_call
    if call_text != known_text:
        call = decode(call_text) if call_text else None
        _udf_call = (call_text, call)
    token = current_context.set(make_context(call))
    try:
        return encode(getattr(plugin_instances[plugin], method)(*decode(args_text)))
    finally:
        current_context.reset(token)


def shutdown_plugins():
    """Calls every plugin's shutdown(); returns [plugin name, error report] for failures."""
    failures = []
    for name, instance in list(plugin_instances.items()):
        try:
            instance.shutdown()
        except BaseException as error:  # noqa: B902 - logged, never fatal
            failures.append([name, error_report(error)])
    plugin_instances.clear()
    return failures
