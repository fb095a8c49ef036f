from django.apps import AppConfig


class DescriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "descriptions"
    verbose_name = "Descriptions and speech"
