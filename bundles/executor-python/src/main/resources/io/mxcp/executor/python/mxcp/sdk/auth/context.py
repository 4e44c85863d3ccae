import _mxcp_bridge as _bridge


def get_user_context():
    """The caller of the current call, or None (no authenticated user, or outside a call)."""
    context = _bridge.current_context.get()
    return context.user_context if context else None
