from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ExhibitionConfig(AppConfig):
    name = "exhibition"
    verbose_name = gettext_lazy("Exhibition")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from exhibition import browse_facet_store, cache_invalidation

        cache_invalidation.connect()
        browse_facet_store.connect()
