"""Content pages: the home page of each language and ordinary pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import navigation
from home.navigation import restricted_q
from search.index import LemmatisedSearchMixin

from ..blocks import BaseStreamBlock, EasyToReadBlock, SignLanguageVideoBlock
from ..forms import HomePageForm
from .campaign import CampaignPage
from .events import EventPage
from .news import NewsPage

# How many items each home page section shows.
HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3


def localized_live(queryset, page_id, locale_id):
    """The live translation of page ``page_id`` in ``locale_id`` from ``queryset``,
    else that page itself if live, else None; one query."""
    if not page_id:
        return None
    same_key = Page.objects.filter(pk=page_id).values("translation_key")
    candidates = list(queryset.filter(translation_key__in=same_key).live())
    for wanted in (
        lambda p: p.locale_id == locale_id,
        lambda p: p.pk == page_id,
    ):
        match = next((p for p in candidates if wanted(p)), None)
        if match is not None:
            return match
    return None


class HomePage(LemmatisedSearchMixin, Page):
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
    featured_campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("wyróżniona kampania"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Zapowiedź tej kampanii pokażemy pod hasłem; w wersji angielskiej "
            "serwisu – jej tłumaczenie."
        ),
    )
    easy_to_read = StreamField(
        [("easy_to_read", EasyToReadBlock())],
        verbose_name=_("tekst łatwy do czytania (ETR)"),
        blank=True,
        max_num=1,
        help_text=_(
            "Wymagany przez ustawę o dostępności cyfrowej: bez niego strony "
            "głównej nie można opublikować."
        ),
    )
    sign_language_video = StreamField(
        [("sign_language_video", SignLanguageVideoBlock())],
        verbose_name=_("film w polskim języku migowym (PJM)"),
        blank=True,
        max_num=1,
        help_text=_(
            "Wymagany przez ustawę o dostępności cyfrowej: bez niego strony "
            "głównej nie można opublikować."
        ),
    )

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
        index.SearchField("search_lemmas"),
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
        FieldPanel("featured_campaign"),
        MultiFieldPanel(
            [FieldPanel("easy_to_read"), FieldPanel("sign_language_video")],
            heading=_("Informacje dostępne (ETR i PJM)"),
        ),
        InlinePanel("partners", heading=_("Partnerzy"), label=_("Partner")),
    ]

    base_form_class = HomePageForm
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("strona główna")
        verbose_name_plural = _("strony główne")

    def hero_cta_target(self):
        """The button's page in this home's language (else as chosen), one query."""
        return localized_live(Page.objects.all(), self.hero_cta_page_id, self.locale_id)

    def campaign_teaser(self):
        """The featured campaign in this home's language (else as chosen), one query."""
        return localized_live(
            CampaignPage.objects.all(), self.featured_campaign_id, self.locale_id
        )

    def latest_news(self, private):
        """The newest live, public news in this home's language, one query."""
        return list(
            NewsPage.objects.live()
            .exclude(private)
            .filter(locale_id=self.locale_id)
            .select_related("lead_image", "category")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")[:HOME_NEWS_COUNT]
        )

    def upcoming_events(self, private, now=None):
        """The next live, public events in this home's language, one query."""
        return list(
            EventPage.objects.live()
            .exclude(private)
            .filter(locale_id=self.locale_id, end__gte=now or timezone.now())
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("start", "pk")[:HOME_EVENTS_COUNT]
        )

    def partner_list(self):
        """Partners in the editors' order with their logos' renditions, two queries.

        In a preview they are the unsaved ones from the form.
        """
        return list(
            self.partners.select_related("logo").prefetch_related("logo__renditions")
        )

    def sections(self):
        """Everything the home page lists besides its own fields."""
        private = restricted_q()
        return {
            "hero_cta_target": self.hero_cta_target(),
            "campaign": self.campaign_teaser(),
            "latest_news": self.latest_news(private),
            "upcoming_events": self.upcoming_events(private),
            "partners": self.partner_list(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved partners and choices.
            context.update(self.sections())
        else:
            # Cached until the next publish, and for at most ten minutes so that
            # an event that has ended leaves "upcoming" on time.
            ten_minutes = int(timezone.now().timestamp() // 600)
            context.update(
                navigation.cached("home-sections", self.sections, self.pk, ten_minutes),
                sections_bucket=ten_minutes,
            )
        return context


class HomePagePartner(Orderable):
    """An organisation that works with MCPS on the campaign, shown with its logo."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("nazwa"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("tekst alternatywny logo"),
        max_length=250,
        blank=True,
        help_text=_("Zwykle „Logo” i nazwa organizacji. Pusty = sama nazwa."),
    )
    url = models.URLField(_("adres strony"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partnerzy")

    def __str__(self):
        return self.name


class StandardPage(LemmatisedSearchMixin, Page):
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
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("strona zwykła")
        verbose_name_plural = _("strony zwykłe")
