"""The sociale kaart: freshness of entries and postcode geocoding (PDOK Locatieserver)."""

from ..env import config

DIRECTORY_REMINDER_MONTHS = config(
    "DIRECTORY_REMINDER_MONTHS", 6, "Months without a check by a person before a provider is reminded."
)
DIRECTORY_HIDE_MONTHS = config(
    "DIRECTORY_HIDE_MONTHS", 12, "Months without a check by a person before an entry leaves the public view."
)
PDOK_LOCATIESERVER_URL = config(
    "PDOK_LOCATIESERVER_URL",
    "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free",
    "PDOK Locatieserver 'free' endpoint, used to find the centre of a postcode for 'near me'.",
)
PDOK_TIMEOUT = config("PDOK_TIMEOUT", 3, "Seconds to wait for the PDOK Locatieserver.")
