"""Outside map services. Every outside URL comes from settings so that tests reach nothing off the machine."""

from ..env import config

MAP_TILE_URL = config(
    "MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
    "Tile URL template for the background map (default: PDOK BRT-Achtergrondkaart).",
)
MAP_TILE_ATTRIBUTION = config(
    "MAP_TILE_ATTRIBUTION",
    "Kaartgegevens © Kadaster (PDOK)",
    "Attribution shown on the map for the tiles.",
)
