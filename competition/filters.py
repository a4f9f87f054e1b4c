"""Filters of the competition's admin listings."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from home.teryt import powiat_choices

from .models import Category, CompetitionPage, Entry, JuryMember, Status
from .reference import legal_form_choices

# The columns the entries' list searches (in the database; entries are not in
# Wagtail's search index). Shared with the bulk actions' "select all".
ENTRY_SEARCH_FIELDS = [
    "reference",
    "organisation_name",
    "person_name",
    "title",
    "email",
    "nip",
]


def polish_editions(request=None):
    """Editions in the default (Polish) locale: they own categories and entries."""
    return CompetitionPage.objects.filter(locale=Locale.get_default()).order_by(
        "-submissions_open_at"
    )


def categories(request=None):
    return Category.objects.select_related("edition").order_by(
        "-edition__submissions_open_at", "sort_order", "pk"
    )


class EntryFilterSet(WagtailFilterSet):
    """Edition, category, status, powiat and legal form of the entries' list.

    Drafts are left out unless the status filter asks for them; the view does
    that (see ``EntryIndexView.filter_queryset``) so it also holds when the
    filter form is invalid.
    """

    edition = django_filters.ModelChoiceFilter(
        label=_("Edycja"), queryset=polish_editions, empty_label=_("Wszystkie")
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Kategoria"), queryset=categories, empty_label=_("Wszystkie")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        empty_label=_("Wszystkie oprócz wersji roboczych"),
    )
    powiat = django_filters.ChoiceFilter(
        label=_("Powiat"),
        choices=powiat_choices,
        empty_label=_("Wszystkie"),
        widget=forms.Select,
    )
    legal_form = django_filters.ChoiceFilter(
        label=_("Forma prawna"),
        choices=legal_form_choices,
        empty_label=_("Wszystkie"),
        widget=forms.Select,
    )

    class Meta:
        model = Entry
        fields = ["edition", "category", "status", "powiat", "legal_form"]


class CategoryFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        label=_("Edycja"), queryset=polish_editions, empty_label=_("Wszystkie")
    )

    class Meta:
        model = Category
        fields = ["edition"]


class JuryMemberFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        label=_("Edycja"), queryset=polish_editions, empty_label=_("Wszystkie")
    )
    role = django_filters.ChoiceFilter(
        label=_("Rola"), choices=JuryMember.Role.choices, empty_label=_("Wszystkie")
    )

    class Meta:
        model = JuryMember
        fields = ["edition", "role"]
