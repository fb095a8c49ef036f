from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class RestorationConfig(AppConfig):
    name = "restoration"
    verbose_name = gettext_lazy("Virtual restoration")

    def ready(self) -> None:
        # The review page shows a restoration in its before/after viewer (exhibition's admin
        # asks the registry; it never imports this app).
        from restoration.admin import review_preview

        review_preview.connect()
