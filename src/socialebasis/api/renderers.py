"""JSON for the whole API, written by orjson (docs/adr/0019-api-rows-written-by-postgresql.md).

The output is what DRF's own JSONRenderer writes (compact, UTF-8, U+2028/U+2029 escaped, moments and other
values through DRF's encoder), only faster, and it passes `orjson.Fragment`s through as they are: the activity
search hands over rows that PostgreSQL already wrote as JSON.
"""

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_values = JSONEncoder()
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        options = _OPTIONS
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            options |= orjson.OPT_INDENT_2
        written = orjson.dumps(data, default=_values.default, option=options)
        # As DRF does: the line and paragraph separators escaped, so the JSON is also valid JavaScript.
        return written.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"
