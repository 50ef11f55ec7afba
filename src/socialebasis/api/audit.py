"""List endpoints whose rows are personal data: the rows a reader was shown are handed to the app's own audit call
(which decides whose reads count, ADR 0025), as the page cut them, without a second query."""


class AuditedList:
    """Mix into a `ListAPIView` before it and set `record_rows = staticmethod(app_services.function)`, called as
    `(user, rows)` with the model rows of the page that is answered (all rows when the list is not paginated)."""

    record_rows = None

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.record_rows(self.request.user, list(queryset) if page is None else page)
        return page
