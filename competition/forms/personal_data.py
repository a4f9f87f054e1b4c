"""The secretariat's forms for an applicant's request about their data."""

from django import forms
from django.utils.translation import gettext_lazy as _

REASON_HELP = _(
    "Zapisywane w dzienniku konkursu. Np. „wniosek z 2 grudnia 2026, "
    "pismo nr 123/2026”."
)


class PersonalDataExportForm(forms.Form):
    reason = forms.CharField(
        label=_("Podstawa eksportu"),
        help_text=REASON_HELP,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód usunięcia"),
        help_text=REASON_HELP,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Rozumiem, że usunięcia danych osobowych i plików nie można cofnąć"),
    )
