from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DescriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "descriptions"
    verbose_name = gettext_lazy("Descriptions and speech")

    def ready(self) -> None:
        # A description's review page shows it beside its picture (exhibition's review
        # queue asks the registry); the object page panel and the alt text provider.
        from descriptions import admin, page_panels, receivers

        admin.connect()
        page_panels.connect()
        receivers.connect()  # a draft for an imported object that has none
        from descriptions.speech_panel import connect as connect_speech

        connect_speech()  # helper E's line: the "Listen" panel and background speech
