"""An edition of the competition (its landing page: ``index_page.py``)."""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from search.index import LemmatisedSearchMixin

from .. import retention
from ..blocks import FaqBlock
from ..forms.edition import CompetitionPageForm
from . import edition_panels
from .choices import Aggregation, AssignmentMode, Phase, TieBreakOrder
from .edition_routes import EditionRoutes


class CompetitionPage(LemmatisedSearchMixin, EditionRoutes, Page):
    """One edition of "Mazowiecka Marka Ekonomii Społecznej" (e.g. MMES-2027).

    Entries always belong to the edition page in the default locale: an English
    translation shows the same categories and attaches entries to the original.
    """

    code = models.CharField(
        _("kod edycji"),
        max_length=20,
        help_text=_(
            "Początek numerów zgłoszeń, np. MMES-2027 (numer zgłoszenia: "
            "MMES-2027-0007). Wielkie litery, cyfry i myślniki."
        ),
    )
    intro = RichTextField(
        _("wstęp"), features=RICH_TEXT_FEATURES, max_length=6000, blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("opis"), blank=True)
    rules_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("regulamin (plik)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    information_clause = RichTextField(
        _("klauzula informacyjna"),
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text=_(
            "Klauzula RODO (art. 13) pokazywana przy zgodzie na przetwarzanie "
            "danych. Z każdym zgłoszeniem zapisujemy dokładny tekst, który "
            "widział zgłaszający, i jego wersję."
        ),
    )
    clause_version = models.PositiveIntegerField(
        _("wersja klauzuli"), default=0, editable=False
    )
    image_publication_text = models.TextField(
        _("treść zgody na publikację wizerunku"),
        blank=True,
        max_length=1500,
        help_text=_("Puste = tekst domyślny."),
    )
    faq = StreamField(FaqBlock(), verbose_name=_("najczęstsze pytania"), blank=True)

    submissions_open_at = models.DateTimeField(
        _("początek naboru"), help_text=_("Czas warszawski.")
    )
    submissions_close_at = models.DateTimeField(
        _("koniec naboru"),
        help_text=_(
            "Czas warszawski. Zgłoszenie wysłane o tej godzinie lub później "
            "nie zostanie przyjęte (np. 31.03, 23:59:59 → wpisz 01.04, 00:00)."
        ),
    )
    jury_opens_at = models.DateTimeField(_("początek oceny jury"))
    jury_closes_at = models.DateTimeField(_("koniec oceny jury"))
    results_at = models.DateTimeField(_("planowane ogłoszenie wyników"))
    results_published_at = models.DateTimeField(
        _("wyniki opublikowano"), null=True, blank=True, editable=False
    )

    contact_name = models.CharField(_("osoba do kontaktu"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail do kontaktu"), blank=True)
    contact_phone = models.CharField(
        _("telefon do kontaktu"), max_length=40, blank=True
    )

    max_photos = models.PositiveSmallIntegerField(
        _("najwięcej zdjęć"), default=5, help_text=_("0 = bez zdjęć.")
    )
    max_photo_size_mb = models.PositiveSmallIntegerField(
        _("największe zdjęcie (MB)"), default=10
    )
    max_presentation_size_mb = models.PositiveIntegerField(
        _("największa prezentacja (MB)"), default=100
    )
    presentation_types = models.JSONField(
        _("dozwolone rodzaje prezentacji"),
        default=list,
        blank=True,
        help_text=_("Puste = wszystkie: PDF, PPTX, MP4 i MP3."),
    )
    draft_retention_days = models.PositiveSmallIntegerField(
        _("jak długo przechowujemy wersje robocze (dni)"), default=30
    )
    personal_data_retention_until = models.DateField(
        _("dane osobowe zgłaszających przechowujemy do"),
        null=True,
        blank=True,
        help_text=_(
            "Puste = domyślnie: pięć lat od ogłoszenia wyników. Następnego dnia "
            "dane osobowe ze zgłoszeń tej edycji są anonimizowane, a pliki "
            "usuwane; zostają statystyki (kategoria, powiat, forma prawna, "
            "oceny, decyzje)."
        ),
    )

    aggregation = models.CharField(
        _("wynik zgłoszenia"),
        max_length=20,
        choices=Aggregation.choices,
        default=Aggregation.MEAN,
        help_text=_("Jak łączymy sumy punktów jurorów w wynik zgłoszenia."),
    )
    trim_fraction = models.DecimalField(
        _("obcięcie średniej (z każdej strony)"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.20"),
        help_text=_(
            "Tylko dla średniej obciętej, np. 0,20 = 20% najniższych i najwyższych."
        ),
    )
    tie_breaks = models.CharField(
        _("rozstrzyganie remisów"),
        max_length=100,
        choices=TieBreakOrder.choices,
        default=TieBreakOrder.CRITERION_MEDIAN_CHAIR,
    )
    disagreement_threshold = models.DecimalField(
        _("próg rozbieżności ocen"),
        max_digits=5,
        decimal_places=2,
        default=15,
        help_text=_(
            "Odchylenie standardowe sum jurorów (w punktach na 100), powyżej "
            "którego zgłoszenie jest oznaczane jako ocenione rozbieżnie."
        ),
    )
    assignment_mode = models.CharField(
        _("przydział zgłoszeń jurorom"),
        max_length=10,
        choices=AssignmentMode.choices,
        default=AssignmentMode.ALL,
    )
    jurors_per_entry = models.PositiveSmallIntegerField(
        _("jurorów na zgłoszenie"), default=3, validators=[MinValueValidator(1)]
    )
    max_load = models.PositiveSmallIntegerField(
        _("najwięcej zgłoszeń na jurora"),
        null=True,
        blank=True,
        help_text=_("Puste = bez limitu."),
    )
    assignment_seed = models.PositiveIntegerField(
        _("ziarno losowania"),
        default=2027,
        help_text=_(
            "Ten sam przydział dla tego samego ziarna: wynik da się odtworzyć."
        ),
    )
    scoring_closed_at = models.DateTimeField(
        _("ocenę zamknął sekretariat"), null=True, blank=True, editable=False
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_categories"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = edition_panels.CONTENT_PANELS
    schedule_panels = edition_panels.SCHEDULE_PANELS
    rules_panels = edition_panels.RULES_PANELS
    jury_panels = edition_panels.JURY_PANELS
    edit_handler = edition_panels.EDIT_HANDLER
    base_form_class = CompetitionPageForm
    parent_page_types = ["competition.CompetitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("edycja konkursu")
        verbose_name_plural = _("edycje konkursu")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        order = [
            ("submissions_open_at", self.submissions_open_at),
            ("submissions_close_at", self.submissions_close_at),
            ("jury_opens_at", self.jury_opens_at),
            ("jury_closes_at", self.jury_closes_at),
            ("results_at", self.results_at),
        ]
        for (_name, earlier), (name, later) in zip(order, order[1:], strict=False):
            if earlier and later and later < earlier:
                errors[name] = _(
                    "Ten termin nie może być wcześniejszy od poprzedniego."
                )
        opens, closes = self.submissions_open_at, self.submissions_close_at
        if opens and closes and opens == closes:
            errors["submissions_close_at"] = _(
                "Nabór musi trwać – koniec musi być po początku."
            )
        if self.code:
            self.code = self.code.strip().upper()
            clash = (
                CompetitionPage.objects.filter(code=self.code)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if clash:
                errors["code"] = _("Inna edycja ma już ten kod.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk:
            previous = (
                CompetitionPage.objects.filter(pk=self.pk)
                .values_list("information_clause", flat=True)
                .first()
            )
        else:
            previous = None
        if previous != self.information_clause and self.information_clause:
            self.clause_version += 1
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Closing scoring and publishing results are actions, not edits: a draft
        # saved before them and published after must not undo them.
        page = super().with_content_json(content)
        page.scoring_closed_at = self.scoring_closed_at
        page.results_published_at = self.results_published_at
        return page

    @property
    def year(self):
        """The edition's year, as in "Laureat MMES 2027": the code's last four
        digits, else the year submissions opened."""
        found = re.search(r"(\d{4})$", self.code or "")
        if found:
            return int(found.group(1))
        return timezone.localtime(self.submissions_open_at).year

    # -- the edition's state -------------------------------------------------

    @cached_property
    def original(self):
        """The edition page in the default locale, which owns entries and
        categories; the page itself when it is the original.

        Free when the page's locale is already loaded (``select_related``)."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.locale_id is None or self.locale.language_code == default:
            return self
        return (
            CompetitionPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default
            ).first()
            or self
        )

    def phase(self, now=None):
        """Where the edition stands at ``now`` (a :class:`Phase`)."""
        now = now or timezone.now()
        if self.results_published(now):
            return Phase.RESULTS
        if now < self.submissions_open_at:
            return Phase.UPCOMING
        if now < self.submissions_close_at:
            return Phase.OPEN
        if self.jury_opens_at <= now:
            return Phase.JURY
        return Phase.CLOSED

    def results_published(self, now=None):
        """Whether the results are public at ``now``: the secretariat published
        them (on the Polish original; a translation follows it) at or before
        ``now``. The one answer to "are the results out?" everywhere."""
        at = self.original.results_published_at
        return at is not None and at <= (now or timezone.now())

    def scoring_closed(self, now=None):
        """True once the jury phase has ended, by date or by the secretariat."""
        now = now or timezone.now()
        if self.scoring_closed_at and self.scoring_closed_at <= now:
            return True
        return now >= self.jury_closes_at

    def accepts_submissions(self, now=None):
        """True between the opening and the closing instant (closing excluded)."""
        now = now or timezone.now()
        return self.submissions_open_at <= now < self.submissions_close_at

    def time_left(self, now=None):
        now = now or timezone.now()
        return max(self.submissions_close_at - now, timezone.timedelta(0))

    def allowed_presentation_types(self):
        from ..uploads import PRESENTATION_TYPES

        known = list(PRESENTATION_TYPES)
        chosen = [code for code in self.presentation_types or [] if code in known]
        return chosen or known

    def categories_list(self):
        """The original edition's categories with their criteria (two queries)."""
        from .categories import Category

        return list(
            Category.objects.filter(edition=self.original)
            .prefetch_related("criteria")
            .order_by("sort_order", "pk")
        )

    def search_categories(self):
        """The categories' names and descriptions in this page's language, for the
        search index (they live on the original edition; see search/signals.py)."""
        english = self.locale.language_code.startswith("en")
        texts = []
        for category in self.categories_list():
            for field in ("name", "description", "who_may_apply"):
                value = getattr(category, field)
                if english:
                    value = getattr(category, f"{field}_en") or value
                texts.append(value)
        return "\n".join(texts)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phase"] = self.phase()
        context["categories"] = self.categories_list()
        context["personal_data_until"] = retention.retention_date(self)
        return context


def results_published_q(now=None):
    """Editions whose results are public at ``now``, in any language: results
    are published on the Polish original and a translation follows it."""
    originals = CompetitionPage.objects.filter(
        locale__language_code=get_supported_content_language_variant(
            settings.LANGUAGE_CODE
        ),
        results_published_at__lte=now or timezone.now(),
    ).values("translation_key")
    return Q(translation_key__in=originals)
