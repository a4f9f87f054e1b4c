"""The accessibility statement ("Deklaracja dostępności") required of a public body.

The ids its template renders are listed in
``home/data/accessibility_statement_ids.json`` (Polish rules for the statement's
structure); the tests are driven by that file.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from search.index import LemmatisedSearchMixin

LIST_FEATURES = ["bold", "italic", "ul", "ol", "link"]
SECTION_FEATURES = ["h3", *LIST_FEATURES]

LAW = _(
    "ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych "
    "i aplikacji mobilnych podmiotów publicznych"
)


class ComplianceStatus(models.TextChoices):
    COMPLIANT = "zgodna", _("zgodna")
    PARTIAL = "czesciowo-zgodna", _("częściowo zgodna")
    NON_COMPLIANT = "niezgodna", _("niezgodna")


class AssessmentMethod(models.TextChoices):
    SELF = "samoocena", _("samoocena")
    EXTERNAL = "audyt", _("badanie przez podmiot zewnętrzny")


class AccessibilityStatementPage(LemmatisedSearchMixin, Page):
    """One statement per language version of the site, linked from every footer."""

    entity_name = models.CharField(
        _("nazwa podmiotu"),
        max_length=255,
        help_text=_("Pełna nazwa podmiotu publicznego, np. Mazowieckie Centrum …"),
    )
    site_url = models.URLField(
        _("adres strony"),
        help_text=_("Adres serwisu, którego dotyczy deklaracja, np. https://…"),
    )
    site_name = models.CharField(
        _("nazwa strony"),
        max_length=255,
        blank=True,
        help_text=_("Tekst linku do serwisu. Puste = sam adres strony."),
    )
    publication_date = models.DateField(
        _("data publikacji strony"),
        help_text=_("Kiedy serwis został opublikowany po raz pierwszy."),
    )
    last_update_date = models.DateField(
        _("data ostatniej istotnej aktualizacji"),
        help_text=_("Data ostatniej istotnej zmiany serwisu (nie deklaracji)."),
    )
    compliance_status = models.CharField(
        _("status zgodności"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
        help_text=_("Zgodność serwisu z WCAG 2.1 AA według ustawy."),
    )
    non_compliant_content = RichTextField(
        _("treści niedostępne"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_(
            "Lista treści niezgodnych z wymaganiami, z powodem i terminem naprawy. "
            "Wymagana, gdy strona nie jest w pełni zgodna."
        ),
    )
    exclusions = RichTextField(
        _("wyłączenia"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_(
            "Treści wyłączone ze stosowania ustawy (art. 3 ust. 2), np. nagrania "
            "sprzed 23 września 2020 r. lub mapy."
        ),
    )
    disproportionate_burden_url = models.URLField(
        _("analiza nadmiernego obciążenia"),
        blank=True,
        help_text=_(
            "Tylko gdy podmiot powołał się na nadmierne obciążenie: link do analizy."
        ),
    )
    preparation_date = models.DateField(_("data sporządzenia deklaracji"))
    review_date = models.DateField(
        _("data ostatniego przeglądu deklaracji"),
        null=True,
        blank=True,
        help_text=_("Deklarację przeglądamy co najmniej raz w roku, do 31 marca."),
    )
    assessment_method = models.CharField(
        _("sposób przygotowania"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    auditor_name = models.CharField(
        _("podmiot zewnętrzny"),
        max_length=255,
        blank=True,
        help_text=_("Nazwa audytora; wymagana przy badaniu zewnętrznym."),
    )
    contact_person = models.CharField(_("osoba kontaktowa"), max_length=200)
    contact_email = models.EmailField(_("e-mail kontaktowy"))
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=40)
    feedback_note = RichTextField(
        _("dodatkowe informacje zwrotne"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Opcjonalnie, np. godziny, w których można dzwonić."),
    )
    complaint_procedure = RichTextField(
        _("procedura wnioskowo-skargowa"),
        features=SECTION_FEATURES,
        help_text=_(
            "Żądanie zapewnienia dostępności (co musi zawierać, termin 7 dni, "
            "najwyżej 2 miesiące), skarga po odmowie i wniosek do Rzecznika Praw "
            "Obywatelskich z linkiem do jego strony."
        ),
    )
    architectural_accessibility = RichTextField(
        _("dostępność architektoniczna"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_(
            "Wejścia, korytarze, windy, parking, pies asystujący, pętla indukcyjna."
        ),
    )
    sign_language = RichTextField(
        _("tłumacz języka migowego (PJM)"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Jak zamówić tłumacza PJM na miejscu lub on-line."),
    )
    mobile_apps = RichTextField(
        _("aplikacje mobilne"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Tylko gdy podmiot udostępnia aplikacje: lista z deklaracjami."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("entity_name"),
        index.SearchField("non_compliant_content"),
        index.SearchField("complaint_procedure"),
        index.SearchField("architectural_accessibility"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldRowPanel([FieldPanel("site_url"), FieldPanel("site_name")]),
                FieldRowPanel(
                    [FieldPanel("publication_date"), FieldPanel("last_update_date")]
                ),
            ],
            heading=_("Podmiot i strona"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("compliance_status"),
                FieldPanel("non_compliant_content"),
                FieldPanel("exclusions"),
                FieldPanel("disproportionate_burden_url"),
            ],
            heading=_("Stan dostępności cyfrowej"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("preparation_date"), FieldPanel("review_date")]
                ),
                FieldRowPanel(
                    [FieldPanel("assessment_method"), FieldPanel("auditor_name")]
                ),
            ],
            heading=_("Przygotowanie deklaracji"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
                FieldPanel("feedback_note"),
                FieldPanel("complaint_procedure"),
            ],
            heading=_("Informacje zwrotne, kontakt i procedura"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("architectural_accessibility"),
                FieldPanel("sign_language"),
                FieldPanel("mobile_apps"),
            ],
            heading=_("Dostępność architektoniczna i aplikacje"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracje dostępności")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.compliance_status != ComplianceStatus.COMPLIANT
            and not self.non_compliant_content
            and not self.exclusions
        ):
            errors["non_compliant_content"] = _(
                "Wymień treści niedostępne lub wyłączenia, skoro strona nie jest "
                "w pełni zgodna."
            )
        if (
            self.assessment_method == AssessmentMethod.EXTERNAL
            and not (self.auditor_name or "").strip()
        ):
            errors["auditor_name"] = _("Podaj nazwę podmiotu, który zbadał stronę.")
        if (
            self.publication_date
            and self.last_update_date
            and self.last_update_date < self.publication_date
        ):
            errors["last_update_date"] = _(
                "Aktualizacja nie może być wcześniejsza niż publikacja strony."
            )
        if (
            self.preparation_date
            and self.review_date
            and self.review_date < self.preparation_date
        ):
            errors["review_date"] = _(
                "Przegląd nie może być wcześniejszy niż sporządzenie deklaracji."
            )
        if self.complaint_procedure and "rpo.gov.pl" not in self.complaint_procedure:
            errors["complaint_procedure"] = _(
                "Procedura musi zawierać link do strony Rzecznika Praw Obywatelskich "
                "(https://bip.brpo.gov.pl/)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def status_sentence(self):
        """The statutory sentence for the compliance status, in the active language."""
        sentences = {
            ComplianceStatus.COMPLIANT: _("Strona internetowa jest zgodna z %(law)s."),
            ComplianceStatus.PARTIAL: _(
                "Strona internetowa jest częściowo zgodna z %(law)s z powodu "
                "niezgodności lub wyłączeń wymienionych poniżej."
            ),
            ComplianceStatus.NON_COMPLIANT: _(
                "Strona internetowa jest niezgodna z %(law)s z powodu niezgodności "
                "lub wyłączeń wymienionych poniżej."
            ),
        }
        return sentences[self.compliance_status] % {"law": LAW}

    @property
    def is_external_assessment(self):
        return self.assessment_method == AssessmentMethod.EXTERNAL
