import asyncio

from mxcp.runtime import mcp


async def test_tool_with_progress() -> str:
    for step in (0, 50, 100):
        await mcp.progress(step, 100, "step %d" % step)
        await asyncio.sleep(0.05)
    return "progress reported"


async def test_tool_with_logging() -> str:
    await mcp.info("Tool execution started")
    await asyncio.sleep(0.05)
    await mcp.info("Tool processing data")
    await asyncio.sleep(0.05)
    await mcp.info("Tool execution completed")
    return "logged"
