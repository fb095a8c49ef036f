from rest_framework.pagination import PageNumberPagination


class BoundedPageNumberPagination(PageNumberPagination):
    """Page numbers with a client-chosen page size that can never exceed 100."""

    page_size = 24
    page_size_query_param = "page_size"
    max_page_size = 100
