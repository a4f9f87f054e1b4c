"""The edition page's editing form (``CompetitionPage.edit_handler``): content,
dates, files and consents, the jury's rules, in tabs. Declared here to keep
``pages.py`` to the model; the fields and their help texts stay on the model.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page

from ..panels import RetentionDatePanel

CONTENT_PANELS = Page.content_panels + [
    FieldPanel("code"),
    FieldPanel("intro"),
    FieldPanel("body"),
    FieldPanel("rules_document"),
    FieldPanel("faq"),
    MultiFieldPanel(
        [
            FieldPanel("contact_name"),
            FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
        ],
        heading=_("Kontakt"),
    ),
]
SCHEDULE_PANELS = [
    MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("submissions_open_at"),
                    FieldPanel("submissions_close_at"),
                ]
            ),
            FieldRowPanel([FieldPanel("jury_opens_at"), FieldPanel("jury_closes_at")]),
            FieldPanel("results_at"),
        ],
        heading=_("Terminy (czas warszawski)"),
    ),
]
RULES_PANELS = [
    HelpPanel(
        _("Kategorie i kryteria tej edycji ustawia się w menu „Konkurs → Kategorie”.")
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("max_photos"), FieldPanel("max_photo_size_mb")]),
            FieldPanel("max_presentation_size_mb"),
            FieldPanel("presentation_types"),
            FieldPanel("draft_retention_days"),
        ],
        heading=_("Pliki i wersje robocze"),
    ),
    MultiFieldPanel(
        [FieldPanel("personal_data_retention_until"), RetentionDatePanel()],
        heading=_("Okres przechowywania danych osobowych"),
    ),
    MultiFieldPanel(
        [FieldPanel("information_clause"), FieldPanel("image_publication_text")],
        heading=_("Zgody"),
    ),
]

JURY_PANELS = [
    InlinePanel(
        "formal_criteria",
        heading=_("Wymogi formalne (lista kontrolna sekretariatu)"),
        label=_("wymóg"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("assignment_mode"),
            FieldRowPanel(
                [
                    FieldPanel("jurors_per_entry"),
                    FieldPanel("max_load"),
                    FieldPanel("assignment_seed"),
                ]
            ),
        ],
        heading=_("Przydział zgłoszeń"),
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("aggregation"), FieldPanel("trim_fraction")]),
            FieldPanel("tie_breaks"),
            FieldPanel("disagreement_threshold"),
        ],
        heading=_("Wynik i remisy"),
    ),
]

EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(CONTENT_PANELS, heading=_("Treść")),
        ObjectList(SCHEDULE_PANELS, heading=_("Terminy")),
        ObjectList(RULES_PANELS, heading=_("Pliki i zgody")),
        ObjectList(JURY_PANELS, heading=_("Ocena")),
        ObjectList(Page.promote_panels, heading=_("Promocja")),
        ObjectList(Page.settings_panels, heading=_("Ustawienia")),
    ]
)
