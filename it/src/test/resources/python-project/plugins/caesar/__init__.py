from mxcp.plugins import MXCPBasePlugin, get_user_context, udf


class MXCPPlugin(MXCPBasePlugin):
    def __init__(self, config):
        super().__init__(config)
        self.rotation = int(config.get("rotation", "1"))

    def _shift(self, text, by):
        return "".join(chr((ord(c) - 97 + by) % 26 + 97) if c.islower() else c for c in text)

    @udf
    def encrypt(self, message: str) -> str:
        return self._shift(message, self.rotation)

    @udf
    def decrypt(self, message: str) -> str:
        return self._shift(message, -self.rotation)

    @udf
    def caller(self, tag: str) -> str:
        user = get_user_context()
        return "%s:%s" % (tag, user.username if user else None)

    @udf
    def surround(self, left: str, text: str, right: str) -> str:
        return left + text + right

    @udf
    def refuse(self, text: str) -> str:
        raise ValueError("no thanks: " + text)
