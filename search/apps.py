from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = gettext_lazy("Search")

    def ready(self) -> None:
        # Search follows the exhibition through its signals and adds an object-page panel;
        # the exhibition never imports search.
        from search import panels, receivers
        from search.keyword import receivers as keyword_receivers

        receivers.connect()  # embeddings and vector indexes follow object changes
        keyword_receivers.connect()  # so does the keyword index
        panels.connect()  # "More like this" on the object page
