from mxcp.runtime import on_init, on_shutdown

state = {"imports": 0, "inits": 0, "shutdowns": 0}
state["imports"] += 1


@on_init
def started():
    state["inits"] += 1


@on_shutdown
def stopped():
    state["shutdowns"] += 1


def counts() -> dict:
    return dict(state)
