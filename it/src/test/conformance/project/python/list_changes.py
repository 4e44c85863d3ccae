"""The diagnostic tools of the server-stateless list-changed checks: each changes the served tool (or prompt) list
for real and lets the server say so. The payload of reload_duckdb adds an endpoint file, or removes it when it is
there, while the runtime is shut down; the reload then lists the endpoints anew and notifies the listen streams.
Every call flips the list, so each one is a change, and the project stays valid whichever state it ends in."""
import os

from mxcp.runtime import reload_duckdb

_PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_TOOL = """mxcp: 1
tool:
  name: test_toggled_tool
  description: Added and removed by test_trigger_tool_change
  return:
    type: string
  source:
    code: SELECT 'toggled' AS text
"""

_PROMPT = """mxcp: 1
prompt:
  name: test_toggled_prompt
  description: Added and removed by test_trigger_prompt_change
  messages:
  - role: user
    type: text
    prompt: A prompt that comes and goes.
"""


def _toggle(relative_path, content):
    def flip():
        file = os.path.join(_PROJECT, relative_path)
        if os.path.exists(file):
            os.remove(file)
        else:
            with open(file, "w") as out:
                out.write(content)
    return flip


def test_trigger_tool_change() -> str:
    reload_duckdb(_toggle("tools/test-toggled-tool.yml", _TOOL), "conformance: the tool list changes")
    return "the tool list changes"


def test_trigger_prompt_change() -> str:
    reload_duckdb(_toggle("prompts/test-toggled-prompt.yml", _PROMPT), "conformance: the prompt list changes")
    return "the prompt list changes"
