"""The one request parser of the API: JSON read by orjson, within limits.

DRF's own JSONParser uses the standard library, which recurses once per level: JSON nested 100,000 deep ended
in a RecursionError (a 500), also on the anonymous assessment endpoint. orjson stops at 1,024 levels; no
document of this API is deeper than ten, so MAX_DEPTH refuses much earlier, as does MAX_BYTES for the size
(DRF reads the body as a stream, past Django's DATA_UPLOAD_MAX_MEMORY_SIZE). Text with a NUL character is
refused here too: PostgreSQL cannot store it. Each refusal is a 400 (413 for the size) problem document.
"""

from rest_framework import parsers
from rest_framework.exceptions import APIException, ParseError

from socialebasis.core.files import FileProblem, load_json

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32


class PayloadTooLarge(APIException):
    status_code = 413
    default_detail = f"De inhoud is groter dan {MAX_BYTES // 1024} kB."
    default_code = "payload_too_large"


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = stream.read(MAX_BYTES + 1) if stream is not None else b""
        if len(data) > MAX_BYTES:
            raise PayloadTooLarge()
        try:
            return load_json(data, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
        except FileProblem as problem:
            raise ParseError(f"De inhoud is geen bruikbare JSON: {problem.message}.") from None
