"""Filters of the competition's admin listings."""

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField, ModelChoiceIterator
from wagtail.admin.active_filters import (
    ModelChoiceFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_supported_content_language_variant

from teryt import powiat_choices

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
    """Editions in the default (Polish) locale: they own categories and entries.

    Joined on the language code rather than ``Locale.get_default()``: the list
    asks three times a request (the default, the choice, the select)."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return CompetitionPage.objects.filter(locale__language_code=default).order_by(
        "-submissions_open_at"
    )


def current_edition(now=None):
    """The edition the entries' list opens on: the newest one accepting
    submissions, else the newest that has opened, else the newest of all
    (``None`` without editions). One query: there is an edition a year."""
    now = now or timezone.now()
    editions = list(polish_editions())
    return (
        next((e for e in editions if e.accepts_submissions(now)), None)
        or next((e for e in editions if e.submissions_open_at <= now), None)
        or next(iter(editions), None)
    )


# The value of "Wszystkie edycje": not empty, since an empty parameter is
# dropped from the address bar (Wagtail reflects only filled-in filters) and
# its absence means the current edition.
ALL_EDITIONS = "all"


class _AllEditionsIterator(ModelChoiceIterator):
    def __iter__(self):
        for value, label in super().__iter__():
            yield (ALL_EDITIONS if value == "" else value), label


class EditionChoiceField(ModelChoiceField):
    """An edition, or every edition (``ALL_EDITIONS``, cleaned to ``None``)."""

    iterator = _AllEditionsIterator
    empty_values = [*ModelChoiceField.empty_values, ALL_EDITIONS]


class CurrentEditionFilter(django_filters.ModelChoiceFilter):
    """An edition filter that a query without the parameter sets to the current
    edition (:func:`current_edition`); "Wszystkie edycje" is ``edition=all``."""

    field_class = EditionChoiceField


class CurrentEditionFilterAdapter(ModelChoiceFilterAdapter):
    """Removing the edition's active-filter chip shows every edition."""

    def get_url_without_filter_param(self, param):
        query_dict = self.query_dict.copy()
        query_dict[param] = ALL_EDITIONS
        return self.base_url + "?" + query_dict.urlencode()


register_filter_adapter_class(CurrentEditionFilter, CurrentEditionFilterAdapter)


def categories(request=None):
    return Category.objects.select_related("edition").order_by(
        "-edition__submissions_open_at", "sort_order", "pk"
    )


class EntryFilterSet(WagtailFilterSet):
    """Edition, category, status, powiat and legal form of the entries' list.

    Without an ``edition`` parameter the list shows the current edition (the
    list and the bulk actions' "select all" alike); ``edition=all`` shows all.
    Drafts are left out unless the status filter asks for them; the view does
    that (see ``EntryIndexView.filter_queryset``) so it also holds when the
    filter form is invalid.
    """

    edition = CurrentEditionFilter(
        label=_("Edycja"), queryset=polish_editions, empty_label=_("Wszystkie edycje")
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "edition" not in data:
            edition = current_edition()
            if edition is not None:
                data = data.copy()
                data["edition"] = str(edition.pk)
        super().__init__(data, *args, **kwargs)


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
