"""mxcp.sdk: the parts of the MXCP SDK that endpoint and plugin code uses."""
