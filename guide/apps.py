from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class GuideConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guide"
    verbose_name = gettext_lazy("Guide")

    def ready(self) -> None:
        # A guide answer's review page shows the question and each cited sentence
        # (exhibition's review queue asks the registry; it never imports the guide).
        from guide import admin

        admin.connect()
        from guide.page_panels import connect

        connect()  # "Ask the guide" on every public object page
