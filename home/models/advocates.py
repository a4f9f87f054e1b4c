"""The network of "Rzecznicy Ekonomii Społecznej i Solidarnej": advocates and their
directory page.

Municipalities are identified by TERYT codes from ``teryt/data/`` (see
``teryt``). This module must not import ``home.models`` (circular).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

import teryt
from home.navigation import restricted_q
from search.index import LemmatisedSearchMixin

from ..blocks import BaseStreamBlock
from .events import EventPage, EventType
from .news import NewsCategory, NewsPage
from .pages import localized_live

FORUM_NEWS_COUNT = 5


class Advocate(models.Model):
    """One advocate of the social economy in a gmina, or in a powiat as a whole.

    Deliberately not translatable (no ``TranslatableMixin``): a person's name,
    institution and contacts are the same in Polish and English, so one record
    serves both directories; only the labels around it are translated (gettext).
    """

    name = models.CharField(_("imię i nazwisko"), max_length=150)
    role = models.CharField(
        _("stanowisko lub funkcja"),
        max_length=200,
        blank=True,
        help_text=_(
            "Np. pracownik socjalny GOPS, specjalista ds. ekonomii społecznej."
        ),
    )
    institution = models.CharField(
        _("instytucja"),
        max_length=255,
        help_text=_("Np. Gminny Ośrodek Pomocy Społecznej w Jabłonnie."),
    )
    gmina_code = models.CharField(
        _("gmina"),
        max_length=7,
        blank=True,
        choices=teryt.gmina_choices,
        error_messages={
            "invalid_choice": _("Na Mazowszu nie ma gminy o kodzie TERYT %(value)s.")
        },
        help_text=_(
            "Gmina, w której działa rzecznik (kod TERYT). Puste = rzecznik "
            "powiatowy: wtedy wybierz tylko powiat."
        ),
    )
    powiat_code = models.CharField(
        _("powiat"),
        max_length=4,
        blank=True,
        db_index=True,
        choices=teryt.powiat_choices,
        error_messages={
            "invalid_choice": _("Na Mazowszu nie ma powiatu o kodzie TERYT %(value)s.")
        },
        help_text=_(
            "Dla rzecznika gminnego uzupełniamy go sami na podstawie gminy; "
            "wybierz go tylko dla rzecznika powiatowego."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("Np. 22 123 45 67 albo +48 600 100 200."),
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
        help_text=_("Pusty = zdjęcie dekoracyjne (imię i nazwisko są obok)."),
    )
    active = models.BooleanField(
        _("aktywny"),
        default=True,
        help_text=_("Tylko aktywni rzecznicy są widoczni w katalogu na stronie."),
    )
    note = models.TextField(
        _("uwagi"),
        blank=True,
        max_length=600,
        help_text=_("Widoczne w katalogu, np. dni i godziny dyżurów."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("institution")]),
        MultiFieldPanel(
            [FieldPanel("gmina_code"), FieldPanel("powiat_code")],
            heading=_("Gmina lub powiat"),
        ),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Zdjęcie")
        ),
        FieldPanel("note"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("rzecznik ekonomii społecznej")
        verbose_name_plural = _("rzecznicy ekonomii społecznej")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Code paths that skip full_clean() (imports, seed_demo) still get the
        # derived powiat the directory filters on.
        if self.gmina_code:
            self.powiat_code = self.gmina_code[:4]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.gmina_code:
            gmina = teryt.gmina(self.gmina_code)
            if gmina is None:
                return  # the field's own validation reports the unknown code
            derived = self.gmina_code[:4]
            if self.powiat_code and self.powiat_code != derived:
                raise ValidationError(
                    {
                        "powiat_code": _(
                            "Gmina %(gmina)s leży w powiecie %(powiat)s: zostaw "
                            "to pole puste albo wybierz ten powiat."
                        )
                        % {
                            "gmina": teryt.gmina_label(gmina),
                            "powiat": teryt.powiat(derived)["name"],
                        }
                    }
                )
            self.powiat_code = derived
        elif not self.powiat_code:
            raise ValidationError(
                _("Wybierz gminę albo, dla rzecznika powiatowego, sam powiat.")
            )

    @property
    def gmina(self):
        return teryt.gmina(self.gmina_code) if self.gmina_code else None

    @property
    def powiat(self):
        return teryt.powiat(self.powiat_code)

    def municipality(self):
        """The gmina, or for a powiat advocate the powiat, as a readable name."""
        if self.gmina:
            return teryt.gmina_label(self.gmina)
        return self.powiat["name"] if self.powiat else ""

    municipality.short_description = _("gmina lub powiat")

    @property
    def phone_href(self):
        """The phone number for a ``tel:`` link: digits and a leading plus only."""
        digits = "".join(char for char in self.phone if char.isdigit())
        if not digits:
            return ""
        if self.phone.strip().startswith("+"):
            return "+" + digits
        return "+48" + digits if len(digits) == 9 else digits


def directory_groups(advocates):
    """Group advocates by powiat, then by municipality, in Polish name order.

    Returns ``[{"powiat": {...}, "municipalities": [{"code", "name", "is_powiat",
    "advocates"}]}]``; the powiat-level entry comes before its gminas.
    """
    by_powiat = {}
    for advocate in advocates:
        code = advocate.gmina_code or advocate.powiat_code
        municipalities = by_powiat.setdefault(advocate.powiat_code, {})
        entry = municipalities.get(code)
        if entry is None:
            gmina = advocate.gmina
            entry = municipalities[code] = {
                "code": code,
                "name": gmina["name"] if gmina else advocate.powiat["name"],
                "kind": teryt.gmina_kind(gmina) if gmina else "",
                "is_powiat": gmina is None,
                "advocates": [],
            }
        entry["advocates"].append(advocate)
    groups = []
    for powiat in teryt.powiaty():
        municipalities = by_powiat.get(powiat["teryt"])
        if municipalities:
            entries = sorted(
                municipalities.values(),
                key=lambda e: (
                    not e["is_powiat"],
                    teryt.polish_sort_key(e["name"]),
                    e["code"],
                ),
            )
            groups.append({"powiat": powiat, "municipalities": entries})
    return groups


class AdvocatesDirectoryPage(LemmatisedSearchMixin, Page):
    """The directory of the advocates' network, by powiat, with the forum's news.

    Meetings of the advocates' forum will come from the events feature; until it
    exists (and to let editors choose) the page links to any page as the forum's
    meetings and lists the latest news of one category.
    """

    intro = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=600,
        help_text=_("Jedno lub dwa zdania nad katalogiem: kim są rzecznicy."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("treść"),
        blank=True,
        help_text=_("Wyświetlana pod katalogiem, np. jak zostać rzecznikiem."),
    )
    forum_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona spotkań Forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Np. lista wydarzeń albo strona o Forum Rzeczników; link w sekcji "
            "„Spotkania Forum”."
        ),
    )
    forum_news_category = models.ForeignKey(
        "home.NewsCategory",
        verbose_name=_("kategoria aktualności Forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Pięć najnowszych aktualności z tej kategorii (w języku strony) "
            "pojawi się pod katalogiem."
        ),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("forum_page"), FieldPanel("forum_news_category")],
            heading=_("Spotkania Forum Rzeczników"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("katalog rzeczników ekonomii społecznej")
        verbose_name_plural = _("katalogi rzeczników ekonomii społecznej")

    def forum_news(self):
        """Up to five latest live news of the forum's category, in this language."""
        if not self.forum_news_category_id:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .exclude(restricted_q())
            .filter(
                locale_id=self.locale_id,
                category__translation_key__in=NewsCategory.objects.filter(
                    pk=self.forum_news_category_id
                ).values("translation_key"),
            )
            .order_by("-date", "-first_published_at", "-pk")[:FORUM_NEWS_COUNT]
        )

    def forum_meetings(self, now=None):
        """The Forum's meetings in this language: (upcoming soonest first, last 3)."""
        now = now or timezone.now()
        meetings = (
            EventPage.objects.live()
            .exclude(restricted_q())
            .filter(locale_id=self.locale_id, event_type=EventType.ADVOCATES_FORUM)
        )
        upcoming = list(meetings.filter(end__gte=now).order_by("start", "pk")[:5])
        past = list(meetings.filter(end__lt=now).order_by("-start", "-pk")[:3])
        return upcoming, past

    def forum_page_in_language(self):
        """The forum page in this page's language (else as chosen), one query."""
        return localized_live(
            Page.objects.exclude(restricted_q()), self.forum_page_id, self.locale_id
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming_meetings, past_meetings = self.forum_meetings()
        context.update(
            upcoming_meetings=upcoming_meetings,
            past_meetings=past_meetings,
            forum_page=self.forum_page_in_language(),
        )
        groups = directory_groups(
            Advocate.objects.filter(active=True)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        requested = request.GET.get("powiat", "").strip()
        selected = teryt.powiat(requested) if requested else None
        shown = groups
        if selected is not None:
            shown = [g for g in groups if g["powiat"]["teryt"] == requested]
        context.update(
            groups=shown,
            municipality_count=sum(len(g["municipalities"]) for g in groups),
            powiaty=teryt.powiaty(),
            selected_powiat=selected,
            invalid_powiat=bool(requested) and selected is None,
            forum_news=list(self.forum_news()),
        )
        return context
