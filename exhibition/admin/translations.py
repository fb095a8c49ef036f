"""The object page's inline for per-language titles and descriptions."""

from django.utils.translation import gettext_lazy

from exhibition.admin.generics import StackedInline
from exhibition.models import CollectionObject, ObjectTranslation


class ObjectTranslationInline(StackedInline[ObjectTranslation, CollectionObject]):
    model = ObjectTranslation
    extra = 0
    fields = ["language", "title", "description"]
    verbose_name = gettext_lazy("translation")
    verbose_name_plural = gettext_lazy("translations")
