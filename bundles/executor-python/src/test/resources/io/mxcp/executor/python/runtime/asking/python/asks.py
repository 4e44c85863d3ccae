from mxcp.runtime import mcp, ClientCapabilityError

NAME_FORM = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}


def greet():
    answer = mcp.elicit("Your name?", NAME_FORM, key="name")
    return "Hello " + answer["content"]["name"]


async def greet_async():
    answer = await mcp.elicit("Your name?", NAME_FORM, key="name")
    roots = await mcp.list_roots()
    return "Hello %s in %s" % (answer["content"]["name"], ", ".join(root["uri"] for root in roots))


def everything():
    answers = mcp.ask({
        "name": {"method": "elicitation/create", "params": {"message": "Your name?", "requestedSchema": NAME_FORM}},
        "poem": {"method": "sampling/createMessage", "params": {"messages": [], "maxTokens": 5}},
    })
    return [sorted(answers), answers["poem"]["content"]["text"]]


def write_poem():
    return mcp.sample("A poem", 50, temperature=0.5)["content"]["text"]


def swallow():
    try:
        mcp.elicit("Your name?", NAME_FORM, key="name")
    except BaseException:
        pass
    return "went on without the answer"


def poem_or_fallback():
    try:
        return mcp.sample("A poem", 50)["content"]["text"]
    except ClientCapabilityError as error:
        return "no poem: " + str(error)


def capabilities():
    return [mcp.supports("elicitation"), mcp.supports("sampling"), mcp.supports("roots")]


def greet_as_the_original_documents_for_sync_code():
    import asyncio
    asyncio.run(mcp.info("asking for a name"))
    answer = asyncio.run(mcp.elicit("Your name?", NAME_FORM, key="name"))
    return "Hello " + answer["content"]["name"]
