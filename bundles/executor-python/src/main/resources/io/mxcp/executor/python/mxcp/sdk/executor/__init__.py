import _mxcp_bridge as _bridge
from _mxcp_bridge import ExecutionContext


def get_execution_context():
    """The current call's execution context, or None outside a call."""
    return _bridge.current_context.get()


__all__ = ["ExecutionContext", "get_execution_context"]
