from _mxcp_bridge import UserContext
from mxcp.sdk.auth.context import get_user_context

__all__ = ["UserContext", "get_user_context"]
