from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """National-scale benchmarks (`make bench-directory`, `make bench-profiles`; docs/performance.md).

    Installed only by the test settings, which the benchmark targets use: production never has these commands, and
    no app imports this one (ADR 0028).
    """

    name = "socialebasis.benchmarks"
    verbose_name = "Benchmarks"
