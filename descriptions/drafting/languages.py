"""The languages descriptions are drafted in: one phrasebook (``Wording``) each."""

from django.conf import settings

from descriptions.drafting.french import French
from descriptions.drafting.wording import English

WORDINGS: dict[str, English] = {"en": English(), "fr": French()}


def wording_for(language: str) -> English:
    """The phrasebook for a language tag ("fr-ca" is written in French).

    Raises ValueError for a language no phrasebook writes: a draft is never written in
    one language and labelled as another.
    """
    tag = language.strip().lower()
    found = WORDINGS.get(tag) or WORDINGS.get(tag.split("-")[0])
    if found is None:
        known = ", ".join(sorted(WORDINGS))
        raise ValueError(f"Descriptions are not written in {language!r}; expected {known}.")
    return found


def drafting_languages() -> list[str]:
    """The site's languages (settings.LANGUAGES) that descriptions are written in, the
    default language first."""
    default = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    codes = [str(code) for code, _ in settings.LANGUAGES if str(code) in WORDINGS]
    return sorted(dict.fromkeys([default, *codes]), key=lambda code: code != default)


class UnknownLanguage(ValueError):
    pass


def chosen_languages(asked: str) -> list[str]:
    """The drafting languages a command's ``--language`` names: all of them when empty."""
    languages = drafting_languages()
    if not asked:
        return languages
    if asked not in languages:
        known = ", ".join(languages)
        raise UnknownLanguage(f"Unknown language {asked!r}; expected one of {known}.")
    return [asked]
