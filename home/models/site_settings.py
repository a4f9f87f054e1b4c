"""Site-wide settings edited under Ustawienia: the footer and the RODO clause."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Serwis"), max_length=40)
    url = blocks.URLBlock(label=_("Adres"))

    class Meta:
        icon = "link"
        label = _("Profil w mediach społecznościowych")


@register_setting(icon="site")
class FooterSettings(BaseSiteSetting):
    """Organiser's contact and links shown in the footer of every page.

    Site settings are one row per site, not translatable snippets, so the texts a
    visitor reads get an English field each (like the RODO clause); the postal
    address stays as written, a Polish proper name.
    """

    organisation_name = models.CharField(
        _("nazwa organizatora"),
        max_length=200,
        default="Mazowieckie Centrum Polityki Społecznej",
    )
    organisation_name_en = models.CharField(
        _("nazwa organizatora (po angielsku)"),
        max_length=200,
        blank=True,
        help_text=_("Puste = w wersji angielskiej nazwa polska."),
    )
    address = models.TextField(_("adres"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_note = RichTextField(
        _("dodatkowe informacje"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Np. godziny pracy, numer pokoju, adres skrzynki ePUAP."),
    )
    contact_note_en = RichTextField(
        _("dodatkowe informacje (po angielsku)"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Tłumaczenie. Puste = w wersji angielskiej polski tekst."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name=_("media społecznościowe"),
        blank=True,
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("deklaracja dostępności"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Strona deklaracji dostępności; w wersji angielskiej serwisu "
            "pokażemy jej tłumaczenie."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("polityka prywatności"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_name_en"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("contact_note"),
                FieldPanel("contact_note_en"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("social_links"),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("stopka serwisu")


CLAUSE_FEATURES = ["bold", "italic", "ol", "ul", "link"]


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """The RODO information clause (klauzula informacyjna) shown where we collect data.

    One text per language. ``version`` and ``version_date`` change by themselves
    whenever either text changes, so a form can record which clause a person saw.
    """

    clause_pl = RichTextField(
        _("klauzula informacyjna (po polsku)"),
        blank=True,
        features=CLAUSE_FEATURES,
        help_text=_(
            "Informacje z art. 13 RODO: administrator, inspektor ochrony danych, "
            "cele i podstawy prawne, odbiorcy, okres przechowywania, prawa osoby."
        ),
    )
    clause_en = RichTextField(
        _("klauzula informacyjna (po angielsku)"),
        blank=True,
        features=CLAUSE_FEATURES,
        help_text=_("Tłumaczenie klauzuli. Puste = w wersji angielskiej polski tekst."),
    )
    version = models.PositiveIntegerField(
        _("wersja klauzuli"),
        default=0,
        editable=False,
        help_text=_("Zwiększana automatycznie przy każdej zmianie treści."),
    )
    version_date = models.DateField(
        _("data wersji"), null=True, blank=True, editable=False
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("clause_pl"), FieldPanel("clause_en")],
            heading=_("Klauzula informacyjna RODO"),
        ),
    ]

    class Meta:
        verbose_name = _("ochrona danych osobowych")

    def save(self, *args, **kwargs):
        previous = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("clause_pl", "clause_en")
            .first()
            if self.pk
            else None
        )
        current = (self.clause_pl, self.clause_en)
        if (previous or ("", "")) != current:
            self.version += 1
            self.version_date = timezone.localdate()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "version_date"}
        super().save(*args, **kwargs)

    def clause_for(self, language_code):
        """The clause for a language, falling back to Polish; None when unset."""
        text = self.clause_en if language_code == "en" else ""
        language = "en" if text else "pl"
        text = text or self.clause_pl
        if not text:
            return None
        return Clause(
            text=RichText(text),
            language=language,
            version=self.version,
            version_date=self.version_date,
        )


@dataclass(frozen=True)
class Clause:
    """One language's clause with the version a form should record next to consent."""

    text: RichText
    language: str
    version: int
    version_date: date | None

    @property
    def label(self):
        if self.version_date is None:
            return str(self.version)
        return f"{self.version} ({self.version_date.isoformat()})"
