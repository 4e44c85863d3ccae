import asyncio
import time
from datetime import date, timedelta
from decimal import Decimal

from mxcp.runtime import db, config, mcp, on_init, on_shutdown
from mxcp.sdk.auth.context import get_user_context
from mxcp.sdk.executor import get_execution_context

state = {"init": 0}


@on_init
def setup():
    state["init"] += 1
    db.execute("CREATE TABLE IF NOT EXISTS hook_log AS SELECT 'init' AS event")


@on_shutdown
def farewell():
    with open("shutdown.log", "a") as log:
        log.write("shutdown after %d init\n" % state["init"])


def add(a: int, b: int) -> int:
    return a + b


async def slow_double(x: int) -> int:
    await asyncio.sleep(0.01)
    return x * 2


def _note(event):
    # what a cancelled call did, and when it saw its cancellation, for the tests of cancellation
    seen = time.time()
    with open("events.log", "a") as log:
        log.write("%s %.3f\n" % (event, seen))


def nap(seconds: float) -> str:
    try:
        _note("nap started %g" % seconds)
        time.sleep(seconds)
    except BaseException:
        _note("nap interrupted")
        raise
    return "rested"


def spin(seconds: float) -> int:
    deadline = time.time() + seconds
    turns = 0
    try:
        _note("spin started %g" % seconds)
        while time.time() < deadline:
            turns += 1
    except BaseException:
        _note("spin interrupted")
        raise
    return turns


async def async_nap(seconds: float) -> str:
    try:
        _note("async_nap started %g" % seconds)
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        _note("async_nap cancelled")
        raise
    return "rested"


def slow_query() -> int:
    try:
        _note("slow_query started")
        return db.execute("SELECT count(*) AS n FROM range(100000000000)")[0]["n"]
    except BaseException:
        _note("slow_query interrupted")
        raise


def divide(a: float, b: float) -> float:
    if b == 0:
        raise ValueError("Cannot divide by zero")
    return a / b


def dates(day: date) -> dict:
    return {"next": day + timedelta(days=1), "price": Decimal("1.50"), "none": None, "items": [1, 2.5, "x"]}


def query(n: int) -> list:
    return db.execute("SELECT range AS i, $n * range AS doubled FROM range(3)", {"n": n})


def secret() -> dict:
    return {"secret": config.get_secret("api_key"), "missing": config.get_secret("nope"),
            "project": config.get_setting("project"), "inits": state["init"]}


def whoami() -> dict:
    user = get_user_context()
    return {"user": user.username if user else None}


def cipher(text: str) -> str:
    return db.execute("SELECT encrypt_str_secret($t) AS e", {"t": text})[0]["e"]


def headers() -> dict:
    return get_execution_context().get("request_headers")


def transport() -> dict:
    context = get_execution_context()
    return {"transport": context.get("transport"), "mcp_proxy": context.get("mcp") is mcp}


def bad_return():
    return object()


def self_containing():
    value = {"a": 1}
    value["self"] = value
    return value


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text for you")


def unprintable_error():
    raise Unprintable()


def wrong_type(shape: str):
    # declared `return: {type: integer}`
    return "seven" if shape == "text" else {"n": 7}


def object_from_text() -> str:
    # spec 01 appendix B, O15: an object return type given a string
    return "x"


def object_from_list() -> list:
    # spec 01 appendix B, O16: a one-element list is shaped to its element before validation
    return [1]


async def chatty() -> str:
    await mcp.progress(1, 2, "halfway")
    await mcp.info("started")
    await mcp.warning("careful")
    return "done"


def chatty_sync() -> str:
    mcp.progress(1, 2, "halfway in sync")
    mcp.info("started in sync")
    return "done"
