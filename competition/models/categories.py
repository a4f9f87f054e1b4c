"""Categories of an edition and the criteria entries are judged by.

Categories belong to the edition page in the default locale and carry their
English texts in ``*_en`` fields: entries, jurors and scores all refer to one
category, whichever language the applicant used.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


def localized(obj, field):
    """``obj.<field>_en`` when English is active and filled in, else ``obj.<field>``."""
    if (get_language() or "pl").startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, field)


class CategoryIcon(models.TextChoices):
    """The pictograms a category can carry on the results (``static/img/competition/
    icons/<value>.svg``); drawn for this site, white on the category's disc."""

    AWARD = "award", _("medal")
    GROWTH = "growth", _("wzrost (np. Rozwój)")
    HANDS = "hands", _("podane ręce (np. Reintegracja)")
    HEART = "heart", _("serce (np. Odpowiedzialność)")
    PERSON = "person", _("osoba (np. Osobowość)")
    COMPASS = "compass", _("kompas (np. Odkrycie)")
    STAR = "star", _("gwiazda (np. Super Marka)")


# Sub-routes of the form that a category's slug must not shadow.
RESERVED_SLUGS = frozenset({"gotowe"})


class Category(ClusterableModel):
    """One category of an edition (e.g. "Reintegracja"), with its criteria."""

    edition = models.ForeignKey(
        "competition.CompetitionPage",
        verbose_name=_("edycja"),
        on_delete=models.CASCADE,
        related_name="categories",
        limit_choices_to={"locale__language_code": "pl"},
    )
    sort_order = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    name = models.CharField(_("nazwa"), max_length=120)
    name_en = models.CharField(_("nazwa po angielsku"), max_length=120, blank=True)
    slug = models.SlugField(
        _("adres"),
        max_length=60,
        help_text=_(
            "Część adresu formularza: …/zgloszenie/<adres>/, np. reintegracja."
        ),
    )
    description = models.TextField(_("opis"), max_length=2000, blank=True)
    description_en = models.TextField(
        _("opis po angielsku"), max_length=2000, blank=True
    )
    who_may_apply = models.TextField(_("kto może się zgłosić"), max_length=2000)
    who_may_apply_en = models.TextField(
        _("kto może się zgłosić – po angielsku"), max_length=2000, blank=True
    )
    previous_laureates_only = models.BooleanField(
        _("tylko dotychczasowi laureaci"),
        default=False,
        help_text=_("Np. „Super Marka”: formularz zapyta o rok wcześniejszej nagrody."),
    )
    nominee_is_person = models.BooleanField(
        _("zgłaszamy osobę"),
        default=False,
        help_text=_("Np. „Osobowość”: formularz pyta o osobę, nie o organizację."),
    )

    icon = models.CharField(
        _("ikona"),
        max_length=20,
        choices=CategoryIcon.choices,
        default=CategoryIcon.AWARD,
        help_text=_("Piktogram kategorii na stronie wyników."),
    )

    panels = [
        FieldPanel("edition"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("icon"),
        FieldRowPanel([FieldPanel("description"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("who_may_apply"), FieldPanel("who_may_apply_en")]),
        MultiFieldPanel(
            [FieldPanel("previous_laureates_only"), FieldPanel("nominee_is_person")],
            heading=_("Kto jest zgłaszany"),
        ),
        InlinePanel("criteria", heading=_("Kryteria oceny"), min_num=1),
    ]

    class Meta:
        verbose_name = _("kategoria")
        verbose_name_plural = _("kategorie")
        ordering = ["edition", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"], name="unique_category_slug_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.edition.code})" if self.edition_id else self.name

    @property
    def label(self):
        return localized(self, "name")

    @property
    def icon_path(self):
        """The icon's static path, for ``{% static %}``."""
        return f"img/competition/icons/{self.icon or CategoryIcon.AWARD}.svg"

    @property
    def localized_description(self):
        return localized(self, "description")

    @property
    def localized_who_may_apply(self):
        return localized(self, "who_may_apply")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Ten adres jest zajęty, wybierz inny.")})
        if self.edition_id and not self.edition.locale.is_default:
            raise ValidationError(
                {"edition": _("Wybierz edycję w języku polskim (oryginał).")}
            )


class Criterion(Orderable):
    """A criterion: the question applicants answer and jurors score, with its weight."""

    category = ParentalKey(Category, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("nazwa"), max_length=150)
    name_en = models.CharField(_("nazwa po angielsku"), max_length=150, blank=True)
    question = models.TextField(
        _("pytanie do zgłaszającego"),
        max_length=1000,
        help_text=_("Na to pytanie zgłaszający odpowiada w formularzu."),
    )
    question_en = models.TextField(
        _("pytanie po angielsku"), max_length=1000, blank=True
    )
    juror_guidance = models.TextField(
        _("wskazówki dla jury"), max_length=2000, blank=True
    )
    weight = models.DecimalField(
        _("waga"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01), MaxValueValidator(99)],
    )
    max_points = models.PositiveSmallIntegerField(
        _("najwięcej punktów"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    answer_max_length = models.PositiveIntegerField(
        _("najdłuższa odpowiedź (znaki)"),
        default=2000,
        validators=[MinValueValidator(100), MaxValueValidator(20000)],
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("question"), FieldPanel("question_en")]),
        FieldPanel("juror_guidance"),
        FieldRowPanel(
            [
                FieldPanel("weight"),
                FieldPanel("max_points"),
                FieldPanel("answer_max_length"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kryterium")
        verbose_name_plural = _("kryteria")

    def __str__(self):
        return self.name

    @property
    def label(self):
        return localized(self, "name")

    @property
    def localized_question(self):
        return localized(self, "question")
