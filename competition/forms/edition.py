"""The admin form of an edition page."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class CompetitionPageForm(WagtailAdminPageForm):
    # Stored as a JSON list; offered as tick boxes.
    presentation_types = forms.MultipleChoiceField(
        label=_("dozwolone rodzaje prezentacji"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczone = wszystkie."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..uploads import PRESENTATION_CHOICES

        self.fields["presentation_types"].choices = PRESENTATION_CHOICES
