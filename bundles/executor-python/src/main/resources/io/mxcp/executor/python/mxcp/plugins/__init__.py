"""mxcp.plugins: base class and decorator for DuckDB UDF plugins written in Python (spec 01 §6)."""
import _mxcp_bridge as _bridge
from mxcp.sdk.auth.context import get_user_context

__all__ = ["MXCPBasePlugin", "udf", "on_shutdown", "get_user_context"]

_shutdown_hooks = []


def udf(function):
    """Marks a plugin method as a DuckDB function named <method>_<plugin instance name>."""
    function._mxcp_udf = True
    return function


def on_shutdown(function):
    _shutdown_hooks.append(function)
    return function


class MXCPBasePlugin:
    def __init__(self, config, user_context=None):
        self._config = dict(config or {})
        self._user_context = user_context

    @property
    def config(self):
        return self._config

    def is_authenticated(self):
        return self._user_context is not None

    def get_username(self):
        return self._user_context.username if self._user_context else None

    def get_user_email(self):
        return self._user_context.email if self._user_context else None

    def get_user_provider(self):
        return self._user_context.provider if self._user_context else None

    def get_user_token(self):
        return self._user_context.external_token if self._user_context else None

    def shutdown(self):
        pass
