"""The secretariat's forms for an applicant's request about their data."""

from django import forms
from django.utils.translation import gettext_lazy as _

REASON_HELP = _(
    "Zapisywane w dzienniku konkursu. Np. „wniosek z 2 grudnia 2026, "
    "pismo nr 123/2026”."
)


def reason_field(label):
    """The reason for the log that every request about personal data needs."""
    return forms.CharField(
        label=label,
        help_text=REASON_HELP,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PersonalDataExportForm(forms.Form):
    reason = reason_field(_("Podstawa eksportu"))


class ErasureForm(forms.Form):
    reason = reason_field(_("Powód usunięcia"))
    confirm = forms.BooleanField(
        label=_("Rozumiem, że usunięcia danych osobowych i plików nie można cofnąć"),
    )
