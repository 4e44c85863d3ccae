"""Tools that ask the MCP client for input (mcp.elicit, mcp.sample, mcp.list_roots, mcp.ask), as the conformance
scenarios expect them: the 2025-era ones get real requests, the 2026-07-28 ones input_required rounds."""
from mxcp.runtime import mcp


def _text(result):
    content = result.get("content") or {}
    return content.get("text", "") if isinstance(content, dict) else ""


def _form(**fields):
    return {"type": "object", "properties": fields, "required": list(fields)}


NAME_FORM = _form(name={"type": "string"})


# ---- 2025-11-25 scenarios (tools-call-sampling, tools-call-elicitation, elicitation-sep1034/1330) ----

def test_sampling(prompt: str) -> str:
    return "LLM response: " + _text(mcp.sample(prompt, 100))


def test_elicitation(message: str) -> str:
    answer = mcp.elicit(message, _form(username={"type": "string", "description": "User's response"},
                                       email={"type": "string", "description": "User's email address"}))
    return "User response: action=%s, content=%s" % (answer["action"], answer.get("content"))


def test_elicitation_sep1034_defaults() -> str:
    answer = mcp.elicit("Please review the defaults", {"type": "object", "properties": {
        "name": {"type": "string", "default": "John Doe"},
        "age": {"type": "integer", "default": 30},
        "score": {"type": "number", "default": 95.5},
        "status": {"type": "string", "enum": ["active", "inactive", "pending"], "default": "active"},
        "verified": {"type": "boolean", "default": True}}})
    return "Elicitation completed: action=%s, content=%s" % (answer["action"], answer.get("content"))


def test_elicitation_sep1330_enums() -> str:
    answer = mcp.elicit("Choose your options", {"type": "object", "properties": {
        "untitledSingle": {"type": "string", "enum": ["option1", "option2", "option3"]},
        "titledSingle": {"type": "string", "oneOf": [{"const": "value1", "title": "First Option"},
                                                     {"const": "value2", "title": "Second Option"},
                                                     {"const": "value3", "title": "Third Option"}]},
        "legacyEnum": {"type": "string", "enum": ["opt1", "opt2", "opt3"],
                       "enumNames": ["Option One", "Option Two", "Option Three"]},
        "untitledMulti": {"type": "array", "items": {"type": "string", "enum": ["option1", "option2", "option3"]}},
        "titledMulti": {"type": "array", "items": {"anyOf": [{"const": "value1", "title": "First Choice"},
                                                             {"const": "value2", "title": "Second Choice"},
                                                             {"const": "value3", "title": "Third Choice"}]}}}})
    return "Elicitation completed: action=%s, content=%s" % (answer["action"], answer.get("content"))


# ---- 2026-07-28 scenarios (input-required-result-*, server-stateless) ----

def test_input_required_result_elicitation() -> str:
    answer = mcp.elicit("What is your name?", NAME_FORM, key="user_name")
    return "Hello, %s!" % (answer.get("content") or {}).get("name")


def test_input_required_result_sampling() -> str:
    return _text(mcp.sample("What is the capital of France?", 100, key="capital_question"))


def test_input_required_result_list_roots() -> str:
    return "Roots: " + ", ".join(root["uri"] for root in mcp.list_roots(key="client_roots"))


def test_input_required_result_request_state() -> str:
    answer = mcp.elicit("Please confirm", _form(ok={"type": "boolean"}), key="confirm")
    # the answer arrives only with a requestState the server signed, verified before this runs again
    return "state-ok: confirmed=%s" % (answer.get("content") or {}).get("ok")


def test_input_required_result_multiple_inputs() -> str:
    answers = mcp.ask({
        "user_name": {"method": "elicitation/create",
                      "params": {"message": "What is your name?", "requestedSchema": NAME_FORM}},
        "greeting": {"method": "sampling/createMessage", "params": {
            "messages": [{"role": "user", "content": {"type": "text", "text": "Generate a greeting"}}],
            "maxTokens": 50}},
        "client_roots": {"method": "roots/list", "params": {}},
    })
    return "%s, %s (%d roots)" % (_text(answers["greeting"]), answers["user_name"]["content"]["name"],
                                  len(answers["client_roots"]["roots"]))


def test_input_required_result_multi_round() -> str:
    name = mcp.elicit("Step 1: What is your name?", NAME_FORM, key="step1")
    color = mcp.elicit("Step 2: What is your favorite color?", _form(color={"type": "string"}), key="step2")
    return "%s likes %s" % (name["content"]["name"], color["content"]["color"])


def test_input_required_result_tampered_state() -> str:
    answer = mcp.elicit("Please confirm", _form(ok={"type": "boolean"}), key="confirm")
    return "confirmed=%s" % (answer.get("content") or {}).get("ok")


def test_input_required_result_capabilities() -> str:
    """Asks only through what the request declared: the scenario declares sampling alone."""
    requests = {}
    if mcp.supports("elicitation"):
        requests["user_name"] = {"method": "elicitation/create",
                                 "params": {"message": "What is your name?", "requestedSchema": NAME_FORM}}
    if mcp.supports("sampling"):
        requests["capital_question"] = {"method": "sampling/createMessage", "params": {
            "messages": [{"role": "user", "content": {"type": "text", "text": "What is the capital of France?"}}],
            "maxTokens": 100}}
    return "answered: " + ", ".join(mcp.ask(requests))


def test_missing_capability() -> str:
    """Needs sampling whatever the request declared: refused with -32021 when it is not declared."""
    return _text(mcp.sample("Say something", 20))


def test_streaming_elicitation() -> str:
    answer = mcp.elicit("What is your name?", NAME_FORM, key="user_name")
    return "Hello, %s!" % (answer.get("content") or {}).get("name")
