from django.apps import AppConfig


class ToursConfig(AppConfig):
    name = "tours"
    verbose_name = "Tours and guide"
