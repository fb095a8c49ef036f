from django.apps import AppConfig


class ExhibitionConfig(AppConfig):
    name = "exhibition"
    verbose_name = "Exhibition"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from exhibition import cache_invalidation

        cache_invalidation.connect()
