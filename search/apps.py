from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Search subscribes to the exhibition's signals and adds its object-page panel.
        from search import wiring

        wiring.connect()
