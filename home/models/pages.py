"""Content pages: the home page of each language and ordinary pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock


class HomePage(Page):
    """The root of one language's tree: the campaign's front door."""

    hero_title = models.CharField(
        _("hasło"),
        max_length=150,
        blank=True,
        help_text=_(
            "Hasło kampanii wyświetlane na górze strony, np. „Ekonomia "
            "społeczna nie wyklucza”. Puste = tytuł strony."
        ),
    )
    hero_text = models.TextField(_("tekst pod hasłem"), blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz w nagłówku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Obraz w tle hasła. Opis alternatywny bierzemy z pola poniżej."),
    )
    hero_image_alt = models.CharField(
        _("tekst alternatywny obrazu"),
        max_length=250,
        blank=True,
        help_text=_("Pusty = obraz dekoracyjny, pomijany przez czytniki ekranu."),
    )
    hero_cta_text = models.CharField(_("tekst przycisku"), max_length=80, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona przycisku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("treść"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Nagłówek strony (hasło kampanii)"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("strona główna")
        verbose_name_plural = _("strony główne")

    def hero_cta_target(self):
        """The button's page in this home's language (else as chosen), one query."""
        if not self.hero_cta_page_id:
            return None
        same_key = Page.objects.filter(pk=self.hero_cta_page_id).values(
            "translation_key"
        )
        candidates = list(Page.objects.filter(translation_key__in=same_key).live())
        for wanted in (
            lambda p: p.locale_id == self.locale_id,
            lambda p: p.pk == self.hero_cta_page_id,
        ):
            match = next((p for p in candidates if wanted(p)), None)
            if match is not None:
                return match
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hero_cta_target"] = self.hero_cta_target()
        return context


class StandardPage(Page):
    """An ordinary content page: about us, rules, contact, privacy."""

    intro = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=600,
        help_text=_(
            "Jedno lub dwa zdania pod tytułem; pojawia się też w wynikach wyszukiwania."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("treść"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("strona zwykła")
        verbose_name_plural = _("strony zwykłe")
