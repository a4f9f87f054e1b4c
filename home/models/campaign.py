"""Campaign landing pages ("Ekonomia społeczna nie wyklucza" and the ones to come)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock, DocumentLinkBlock, QuoteBlock, VideoBlock
from search.index import LemmatisedSearchMixin

from .site_settings import SocialLinkBlock


def split_hashtags(text):
    """``"#A, B ,, #C"`` -> ``["A", "B", "C"]``: the tags without their ``#``."""
    tags = (part.strip().lstrip("#").strip() for part in (text or "").split(","))
    return [tag for tag in tags if tag]


class CampaignPage(LemmatisedSearchMixin, Page):
    """A campaign's landing page: slogan, ambassadors, films, voices, materials."""

    slogan = models.CharField(
        _("hasło kampanii"),
        max_length=150,
        blank=True,
        help_text=_(
            "Wyświetlane pod tytułem strony i w zapowiedzi na stronie głównej."
        ),
    )
    intro = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=800,
        help_text=_("Dwa, trzy zdania: o czym jest kampania i do kogo mówi."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz kampanii"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("tekst alternatywny obrazu"),
        max_length=250,
        blank=True,
        help_text=_("Pusty = obraz dekoracyjny, pomijany przez czytniki ekranu."),
    )
    start_date = models.DateField(_("początek kampanii"))
    end_date = models.DateField(
        _("koniec kampanii"),
        null=True,
        blank=True,
        help_text=_("Puste = kampania trwa."),
    )
    videos = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("filmy"),
        blank=True,
        help_text=_("Każdy film musi mieć napisy albo transkrypcję."),
    )
    testimonials = StreamField(
        [("testimonial", QuoteBlock())],
        verbose_name=_("głosy pracowników ekonomii społecznej"),
        blank=True,
        help_text=_("Wypowiedzi osób pracujących w podmiotach ekonomii społecznej."),
    )
    materials = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name=_("materiały do pobrania"),
        blank=True,
    )
    hashtags = models.CharField(
        _("hashtagi"),
        max_length=255,
        blank=True,
        help_text=_(
            "Oddzielone przecinkami, ze znakiem # lub bez, np. "
            "EkonomiaSpołecznaNieWyklucza, MazowszeES."
        ),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name=_("media społecznościowe kampanii"),
        blank=True,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("treść"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("slogan"),
        index.SearchField("intro"),
        index.SearchField("hashtags"),
        index.SearchField("body"),
        index.SearchField("testimonials"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("slogan"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Obraz kampanii"),
        ),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date")],
            heading=_("Czas trwania kampanii"),
        ),
        FieldPanel("body"),
    ]
    people_panels = [
        InlinePanel(
            "ambassadors",
            heading=_("Ambasadorzy"),
            label=_("Ambasador"),
            max_num=12,
        ),
        FieldPanel("testimonials"),
    ]
    media_panels = [
        FieldPanel("videos"),
        FieldPanel("materials"),
        MultiFieldPanel(
            [FieldPanel("hashtags"), FieldPanel("social_links")],
            heading=_("Hashtagi i media społecznościowe"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Treść")),
            ObjectList(people_panels, heading=_("Ambasadorzy i głosy")),
            ObjectList(media_panels, heading=_("Filmy i materiały")),
            ObjectList(Page.promote_panels, heading=_("Promocja")),
            ObjectList(Page.settings_panels, heading=_("Ustawienia")),
        ]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strona kampanii")
        verbose_name_plural = _("strony kampanii")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Koniec kampanii nie może być przed jej początkiem.")}
            )

    @property
    def hashtag_list(self):
        return split_hashtags(self.hashtags)

    def ambassador_list(self):
        """Ambassadors in the editors' order, photos and renditions prefetched.

        In a preview they are the unsaved ones from the form (modelcluster's
        in-memory queryset accepts the same calls).
        """
        return list(
            self.ambassadors.select_related("photo").prefetch_related(
                "photo__renditions"
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ambassadors"] = self.ambassador_list()
        return context


class CampaignAmbassador(Orderable):
    """A person who lends the campaign their face, with a short quote."""

    page = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="ambassadors"
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("tekst alternatywny zdjęcia"),
        max_length=250,
        blank=True,
        help_text=_("Np. „Portret Anny Kowalskiej w kawiarni spółdzielni”."),
    )
    name = models.CharField(_("imię i nazwisko"), max_length=120)
    role = models.CharField(
        _("funkcja / organizacja"),
        max_length=200,
        blank=True,
        help_text=_("Np. „prezeska spółdzielni socjalnej w Płocku”."),
    )
    quote = models.TextField(_("cytat"), blank=True, max_length=600)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
        FieldPanel("quote"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("ambasador kampanii")
        verbose_name_plural = _("ambasadorzy kampanii")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt:
            raise ValidationError(
                {"photo_alt": _("Opisz zdjęcie dla osób, które go nie widzą.")}
            )
