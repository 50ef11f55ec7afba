from socialebasis.indicators.tests.conftest import health_data, health_subset  # noqa: F401  (shared fixtures)
