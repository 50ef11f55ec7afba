from rest_framework import pagination

from .params import Query, read_query

MAX_PAGE = 100_000
PAGE = Query(
    "page",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    "Page number, from 1; a page after the last one is a 404.",
)
PAGE_SIZE = Query(
    "pageSize",
    {"type": "integer", "minimum": 1, "maximum": 500},
    "Items per page (default 50).",
    old_name="page_size",
)


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's page numbers, read strictly: a page or page size that is no whole number in range is a 400 (DRF
    itself would quietly fall back to the default size, or answer 404 for a page that is not a number)."""

    page_size_query_param = PAGE_SIZE.name
    max_page_size = 500

    def get_page_size(self, request):
        return read_query(request, [PAGE_SIZE]).get(PAGE_SIZE.name, self.page_size)

    def get_page_number(self, request, paginator):
        return read_query(request, [PAGE]).get(PAGE.name, 1)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": parameter.name,
                "required": False,
                "in": "query",
                "description": parameter.description,
                "schema": parameter.schema,
            }
            for parameter in (PAGE, PAGE_SIZE)
        ]
