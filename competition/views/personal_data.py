"""An applicant's requests about their data, handled by the secretariat from
the entry's page (``/admin/competition/entries/personal-data/<pk>/...``):
"Eksportuj dane osobowe" (RODO art. 15, ``data_export.py``) and "Usuń dane
osobowe" (art. 17, ``anonymisation.py``). Both need
``competition.manage_personal_data`` and a reason, and both are logged.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .. import anonymisation, data_export
from ..forms.personal_data import ErasureForm, PersonalDataExportForm
from ..models import Entry
from ..permissions import can_manage_personal_data
from ..workflow import OPEN_STATES
from .entry_screen import EntryScreenMixin

STILL_IN_COMPETITION = _(
    "To zgłoszenie wciąż bierze udział w konkursie (status: „%(status)s”). "
    "Po usunięciu danych nie da się go rzetelnie ocenić: najpierw je wycofaj "
    "lub zdyskwalifikuj, jeśli zgłaszający rezygnuje z udziału."
)


class PersonalDataView(EntryScreenMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one entry's personal data; the permission is checked
    before the entry is looked up (a refused user learns nothing of ids)."""

    template_name = "competition/admin/personal_data.html"
    header_icon = "user"
    # Whether the request cannot be undone: the page then warns in red.
    destructive = False

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_personal_data(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(
            Entry.objects.select_related("edition", "category"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            entry=self.object,
            inspect_url=self.get_inspect_url(),
            intro=self.intro,
            submit_label=self.submit_label,
            destructive=self.destructive,
        )
        return context


class PersonalDataExportView(PersonalDataView):
    page_title = _("Eksport danych osobowych")
    form_class = PersonalDataExportForm
    submit_label = _("Pobierz ZIP")
    intro = _(
        "Plik ZIP zawiera wszystko, co przechowujemy o zgłaszającym (RODO "
        "art. 15): dane zgłoszenia, odpowiedzi, zgody z ich treścią, decyzję i "
        "oceny jury bez nazwisk jurorów, wiadomości e-mail z kolejki, wpisy "
        "dziennika oraz przesłane pliki, oprócz tych, których program "
        "antywirusowy jeszcze nie sprawdził albo które zatrzymał w kwarantannie "
        "(dane.json je wymienia). Eksport zapisujemy w dzienniku."
    )

    def form_valid(self, form):
        archive = data_export.export_zip(
            self.object, self.request.user, form.cleaned_data["reason"]
        )
        name = f"dane-osobowe-{self.object.reference or self.object.pk}.zip"
        return FileResponse(
            archive,
            as_attachment=True,
            filename=name,
            content_type="application/zip",
        )


class ErasureView(PersonalDataView):
    page_title = _("Usunięcie danych osobowych (RODO art. 17)")
    form_class = ErasureForm
    submit_label = _("Usuń dane osobowe")
    destructive = True
    intro = _(
        "Usuniemy nazwy, dane kontaktowe i identyfikatory, opisy i odpowiedzi, "
        "wszystkie pliki, linki do statusu oraz wolne teksty sekretariatu i "
        "jury o tym zgłoszeniu. Zostaną: numer zgłoszenia, kategoria, powiat, "
        "forma prawna, status, punkty i decyzja – do statystyk. Tego nie można "
        "cofnąć."
    )

    def get(self, request, *args, **kwargs):
        if self.object.anonymised_at:
            return self._already_done()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status in OPEN_STATES:
            context["warning"] = STILL_IN_COMPETITION % {
                "status": self.object.status_label
            }
        return context

    def _already_done(self):
        messages.info(
            self.request,
            _("Dane osobowe zgłoszenia %(reference)s zostały już usunięte.")
            % {"reference": self.object},
        )
        return HttpResponseRedirect(self.get_inspect_url())

    def form_valid(self, form):
        done = anonymisation.anonymise(
            self.object,
            cause=anonymisation.Cause.REQUEST,
            user=self.request.user,
            reason=form.cleaned_data["reason"],
        )
        if done is None:
            return self._already_done()
        messages.success(
            self.request,
            _("Dane osobowe zgłoszenia %(reference)s usunięte.")
            % {"reference": self.object},
        )
        return HttpResponseRedirect(self.get_inspect_url())
