"""Indicators: the CBS open-data (OData) service the Kerncijfers importer reads from."""

from ..env import config

CBS_ODATA_URL = config(
    "CBS_ODATA_URL",
    "https://opendata.cbs.nl/ODataApi/odata",
    "Base URL of the CBS open-data OData API (tables such as 85618NED below it).",
)
CBS_ODATA_TIMEOUT = config("CBS_ODATA_TIMEOUT", 30, "Seconds to wait for one page of the CBS OData API.")
