import csv
from pathlib import Path

import pytest
from django.conf import settings

HEALTH_CSV = settings.BASE_DIR / "data" / "cbs" / "gezondheid_wijk_buurt_50090NED_4gemeenten.csv"
SEED_CSV = settings.BASE_DIR / "data" / "seed_figures.csv"
# Enough of the real table for profiles: the country, Heusden with all its wijken (whether a 2020 code means the
# same in 2023 is decided on a municipality's whole set of wijk codes) and Vijfheerenlanden with three.
SUBSET_CODES = {"NL01", "GM0797", "GM1961", "WK196101", "WK196105", "WK196110"}


def in_subset(code: str) -> bool:
    return code in SUBSET_CODES or code.startswith("WK0797")


def source_rows(path: Path = HEALTH_CSV) -> list[dict]:
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def health_subset(tmp_path) -> Path:
    """A copy of the real health table with only the rows of SUBSET_CODES (fast to import)."""
    rows = [r for r in source_rows() if in_subset(r["WijkenEnBuurten"])]
    path = tmp_path / "50090NED_subset.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def health_data(seed_areas, health_subset, django_capture_on_commit_callbacks):
    """The subset imported as a committed import is: the profiles' recompute runs once the import commits."""
    from socialebasis.indicators import services

    with django_capture_on_commit_callbacks(execute=True):
        return services.import_health_table(health_subset)


KWB_FILES = [
    settings.BASE_DIR / "data" / "cbs" / "kwb2024_85984NED_gemeente_wijk_basis.csv",
    settings.BASE_DIR / "data" / "cbs" / "kwb2024_85984NED_buurt_inwoners.csv",
]


@pytest.fixture
def kwb_2024(seed_areas, django_capture_on_commit_callbacks):
    """The shipped CBS Kerncijfers 2024 (residents per municipality, wijk and buurt), imported as the demo does."""
    from socialebasis.indicators import services

    with django_capture_on_commit_callbacks(execute=True):
        return [services.import_kwb_file(path, table="85984NED", year=2024) for path in KWB_FILES]
