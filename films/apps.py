from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class FilmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "films"
    verbose_name = gettext_lazy("Exhibition films")

    def ready(self) -> None:
        # The "Build narrated films" action on the exhibition admin: exhibition cannot
        # import films, so films adds its action to exhibition's admin.
        from films import admin

        admin.connect()
