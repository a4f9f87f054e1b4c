"""The jury of each edition (Konkurs → Jury,
``/admin/competition/jury-members/``): Wagtail's generic views, with the
edition linking to its assignment matrix (``assignment.py``).

Registered in ``competition/wagtail_hooks.py``; the form is
``competition/forms/jury.py``.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views import generic

from .assignment import MATRIX_URL_NAME


class JuryMemberIndexView(generic.IndexView):
    """Members by edition; the edition links to its assignment matrix."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "edition")
            .prefetch_related("categories")
            .annotate(assigned=Count("assignments"))
        )

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "user",
                label=_("Osoba"),
                accessor=str,
                sort_key="user__last_name",
                get_url=self.get_edit_url,
            ),
            Column("email", label=_("E-mail"), accessor="user.email"),
            Column("role", label=_("Rola"), accessor="get_role_display"),
            Column("categories", label=_("Kategorie"), accessor=_categories_text),
            # The edition links to its assignment matrix.
            TitleColumn(
                "edition",
                label=_("Edycja"),
                accessor="edition.code",
                sort_key="edition__submissions_open_at",
                get_url=lambda member: reverse(
                    MATRIX_URL_NAME, args=[member.edition_id]
                ),
            ),
            NumberColumn("assigned", label=_("Przydziały"), sort_key="assigned"),
        ]

    def get_add_url(self):
        url = super().get_add_url()
        edition = self.request.GET.get("edition", "")
        if url and edition.isdigit():
            url = f"{url}?{urlencode({'edition': edition})}"
        return url


def _categories_text(member):
    names = [category.name for category in member.categories.all()]
    return ", ".join(names) if names else _("wszystkie")


class RefuseClashesMixin:
    """Two secretaries naming two chairs (or adding one person twice) at the
    same moment both pass the form's checks; the database's constraints refuse
    the second save, and its secretary is told why, as the form would have."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            # The savepoint of Wagtail's form_valid rolled the save back.
            if not form.refuse_clashes():
                raise
            # What is_valid() sets for an invalid form.
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class JuryMemberCreateView(RefuseClashesMixin, generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        edition = self.request.GET.get("edition", "")
        if edition.isdigit():
            initial["edition"] = int(edition)
        return initial


class JuryMemberEditView(RefuseClashesMixin, generic.EditView):
    pass


class JuryMemberDeleteView(generic.DeleteView):
    """A member who declared or scored anything stays: deleting them would
    delete their declarations and scores with them."""

    def has_history(self):
        member = self.object
        return member.reviews.exists() or member.declarations.exists()

    def refuse(self):
        messages.error(
            self.request,
            _(
                "%(name)s złożył(a) już deklaracje lub oceny w tej edycji – "
                "takiego członka jury nie można usunąć."
            )
            % {"name": self.object},
        )
        return redirect(self.index_url_name)

    def get(self, request, *args, **kwargs):
        if self.has_history():
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        if self.has_history():
            return self.refuse()
        return super().form_valid(form)
