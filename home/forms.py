"""Admin forms with rules that apply to editors but not to code that builds pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# Buttons of the page editor that publish now or send the page towards publication.
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


class HomePageForm(WagtailAdminPageForm):
    """The home page may not go live without an easy-to-read text and a PJM film.

    The law on digital accessibility requires both on a public body's home page.
    Drafts may be saved without them, so an editor can build the page in steps.
    """

    def clean(self):
        cleaned_data = super().clean()
        if not any(self.data.get(action) for action in PUBLISHING_ACTIONS):
            return cleaned_data
        required = {
            "easy_to_read": _(
                "Dodaj tekst łatwy do czytania (ETR): bez niego strony głównej nie "
                "można opublikować."
            ),
            "sign_language_video": _(
                "Dodaj film w polskim języku migowym (PJM) z napisami: bez niego "
                "strony głównej nie można opublikować."
            ),
        }
        for field, message in required.items():
            missing = field in self.fields and not cleaned_data.get(field)
            if missing and field not in self.errors:
                self.add_error(field, message)
        return cleaned_data
