"""Template helpers for records catalogued in one language and shown in another."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import get_language_info, pgettext_lazy

from exhibition.models import CollectionObject, RecordText

register = template.Library()

# Language names as they read inside a sentence: French writes "traduite en français", in
# lower case, where Django's own names are capitalised for menus ("Français").
_NAMES_IN_SENTENCE: dict[str, Promise] = {
    "en": pgettext_lazy("language name in running text", "English"),
    "fr": pgettext_lazy("language name in running text", "French"),
}


def page_language() -> str:
    """The active language as one of the site's language codes ("fr-ca" -> "fr")."""
    codes = [code for code, _name in settings.LANGUAGES]
    active = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    if active in codes:
        return active
    base = active.split("-", 1)[0]
    return base if base in codes else str(settings.LANGUAGE_CODE)


@register.simple_tag
def record_text(obj: CollectionObject) -> RecordText:
    """``{% record_text obj as text %}``: the record's title and description for this page."""
    return obj.text_in(page_language())


@register.filter
def language_in_sentence(code: str) -> str:
    """``{{ "fr"|language_in_sentence }}``: "French" in English, "français" in French."""
    name = _NAMES_IN_SENTENCE.get(code)
    if name is not None:
        return str(name)
    return str(get_language_info(code)["name_translated"])
