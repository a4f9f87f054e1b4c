"""Content pages of the campaign site and the site-wide footer settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock


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

    @property
    def menu_pages(self):
        return self.get_children().live().in_menu().specific()


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


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Serwis"), max_length=40)
    url = blocks.URLBlock(label=_("Adres"))

    class Meta:
        icon = "link"
        label = _("Profil w mediach społecznościowych")


@register_setting(icon="site")
class FooterSettings(BaseSiteSetting):
    """Organiser's contact and links shown in the footer of every page."""

    organisation_name = models.CharField(
        _("nazwa organizatora"),
        max_length=200,
        default="Mazowieckie Centrum Polityki Społecznej",
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
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("contact_note"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("social_links"),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("stopka serwisu")


from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag  # noqa: E402,F401
