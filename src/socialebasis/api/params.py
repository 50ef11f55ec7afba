"""Query parameters that several endpoints share, checked before they reach the database."""

import re

from rest_framework.exceptions import ValidationError

MUNICIPALITY_CODE = re.compile(r"GM\d{4}")
ASK_FOR_MUNICIPALITY = "Geef de CBS-code van een gemeente op, bijvoorbeeld GM0797."


def municipality_code(request, required: bool = False) -> str:
    """The `municipality` parameter as a CBS code (upper case), or "" when it is absent and not required.

    Anything else is a 400 with a Dutch message: a code is four digits after GM, so nothing odd (such as a NUL
    character, which PostgreSQL refuses in text) ever reaches a query.
    """
    code = request.query_params.get("municipality", "").strip().upper()
    if not code and not required:
        return ""
    if not MUNICIPALITY_CODE.fullmatch(code):
        raise ValidationError({"municipality": [ASK_FOR_MUNICIPALITY]})
    return code
