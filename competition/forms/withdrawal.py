"""The applicant's withdrawal of an entry, confirmed with a tick box."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .rendering import AccessibleFormMixin


class WithdrawalForm(AccessibleFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("Rozumiem, że wycofania nie można cofnąć"),
        error_messages={
            "required": _(
                "Zaznacz, że rozumiesz, że wycofania nie można cofnąć – "
                "bez tego nie wycofamy zgłoszenia."
            )
        },
    )
    reason = forms.CharField(
        label=_("Dlaczego wycofujesz zgłoszenie? (nieobowiązkowe)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, entry, *args, **kwargs):
        self.entry = entry
        kwargs.setdefault("auto_id", f"withdraw-{entry.pk}-%s")
        super().__init__(*args, **kwargs)
        self.error_summary_id = self.auto_id % "error-summary"
