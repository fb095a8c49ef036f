from django.apps import AppConfig


class GuideConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guide"
    verbose_name = "Guide"

    def ready(self) -> None:
        # A guide answer's review page shows the question and each cited sentence
        # (exhibition's review queue asks the registry; it never imports the guide).
        from guide import admin

        admin.connect()
        from guide.page_panels import connect

        connect()  # "Ask the guide" on every public object page
