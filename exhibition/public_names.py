"""How the public site names a staff member: their full name, else their user name."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _


def person_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        # In the active language: English in machine files, which are not under /fr/.
        return _("a curator")
    full_name = getattr(user, "get_full_name", lambda: "")()
    return str(full_name or user.get_username())
