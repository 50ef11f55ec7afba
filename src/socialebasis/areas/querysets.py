from django.db import models
from django.db.models import Max


class DistrictQuerySet(models.QuerySet):
    def of_year(self, year: int | None) -> "DistrictQuerySet":
        """Districts of one division year; without a year, each municipality's latest division."""
        if year is not None:
            return self.filter(year=year)
        latest = (
            self.model.objects.filter(municipality=models.OuterRef("municipality"))
            .order_by()
            .values("municipality")
            .annotate(latest=Max("year"))
            .values("latest")
        )
        return self.filter(year=models.Subquery(latest[:1]))


class AreaDivisionQuerySet(models.QuerySet):
    def public(self) -> "AreaDivisionQuerySet":
        return self.filter(is_public=True)
