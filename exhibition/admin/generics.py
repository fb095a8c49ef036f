"""Admin and form base classes that can be subscripted with their model at run time.

django-stubs types ``ModelAdmin``, the inlines and ``ModelForm`` as generics, but Django's
own classes reject ``ModelAdmin[Model]`` at run time. These thin subclasses accept it,
so the admin modules are strictly typed without a run-time dependency on
django-stubs-ext.
"""

from typing import TYPE_CHECKING, Generic, TypeVar

from django import forms
from django.contrib import admin

_M = TypeVar("_M")
_P = TypeVar("_P")

if TYPE_CHECKING:
    ModelAdmin = admin.ModelAdmin
    TabularInline = admin.TabularInline
    StackedInline = admin.StackedInline
    ModelForm = forms.ModelForm
else:

    class ModelAdmin(admin.ModelAdmin, Generic[_M]):
        pass

    class TabularInline(admin.TabularInline, Generic[_M, _P]):
        pass

    class StackedInline(admin.StackedInline, Generic[_M, _P]):
        pass

    class ModelForm(forms.ModelForm, Generic[_M]):
        pass


__all__ = ["ModelAdmin", "ModelForm", "StackedInline", "TabularInline"]
