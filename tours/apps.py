from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = gettext_lazy("Tours and guide")

    def ready(self) -> None:
        # Tours adds its buttons to the object page through exhibition's panel registry;
        # the exhibition never imports tours.
        from tours import page_panels, recommended_next

        page_panels.connect()  # "I like this" and "Add to my tour"
        recommended_next.connect()
