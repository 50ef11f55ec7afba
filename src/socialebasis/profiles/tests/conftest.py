from socialebasis.indicators.tests.conftest import health_data, health_subset, kwb_2024  # noqa: F401  (shared fixtures)
