"""News ("Aktualności"): categories, the news index with its feeds, news pages.

Imported at the bottom of ``home.models`` so Wagtail finds the models there; this
module must not import ``home.models`` (that would be circular).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home import navigation
from home.blocks import BaseStreamBlock
from home.navigation import restricted_q
from search.index import LemmatisedSearchMixin

NEWS_PER_PAGE = 10
FEED_SIZE = 20


class NewsCategory(TranslatableMixin, models.Model):
    """A topic that groups news items; translated like a page (one per locale)."""

    name = models.CharField(_("nazwa"), max_length=100)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Używany w adresie filtra, np. ?kategoria=wydarzenia."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kategoria aktualności")
        verbose_name_plural = _("kategorie aktualności")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsFeed(Feed):
    """RSS 2.0 feed of one news index (one language)."""

    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.news_index

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_url(self.request)

    def description(self, obj):
        return obj.intro or _("Aktualności kampanii „Ekonomia społeczna nie wyklucza”")

    def feed_url(self, obj):
        return self.request.path

    def items(self, obj):
        return obj.news_items().select_related(None).prefetch_related(None)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def news_categories(locale_id):
    """One language's news categories (cached until the next publish or edit)."""
    return navigation.cached(
        "news-categories",
        lambda: list(NewsCategory.objects.filter(locale_id=locale_id)),
        locale_id,
    )


class NewsIndexPage(LemmatisedSearchMixin, RoutablePageMixin, Page):
    """The list of news in one language, filterable, with RSS and Atom feeds."""

    intro = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=600,
        help_text=_("Jedno lub dwa zdania nad listą aktualności."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_lemmas"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lista aktualności")
        verbose_name_plural = _("listy aktualności")

    def categories(self):
        return news_categories(self.locale_id)

    def news_items(self):
        """Live, public news of this index (this language), newest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .exclude(restricted_q())
            .filter(locale_id=self.locale_id)
            .select_related("category", "lead_image")
            .prefetch_related("lead_image__renditions", "tags")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news_items()
        categories = self.categories()
        category = next(
            (c for c in categories if c.slug == request.GET.get("kategoria")), None
        )
        if category is not None:
            news = news.filter(category=category)
        tags = navigation.cached(
            "news-tags",
            lambda: list(
                Tag.objects.filter(home_newspagetag_items__content_object__in=news)
                .distinct()
                .order_by("name")
            ),
            self.pk,
            category.pk if category else "all",
        )
        tag = next((t for t in tags if t.slug == request.GET.get("tag")), None)
        if tag is not None:
            news = news.filter(tags=tag)
        news_page = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            news_page=news_page,
            categories=categories,
            active_category=category,
            tags=tags,
            active_tag=tag,
            rss_url=self.url + self.reverse_subpage("rss"),
            atom_url=self.url + self.reverse_subpage("atom"),
        )
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(LemmatisedSearchMixin, Page):
    """One news item: date, lead, image, category, tags and body."""

    date = models.DateField(_("data"), default=datetime.date.today)
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("Krótkie streszczenie: na liście aktualności i w kanale RSS."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz główny"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("tekst alternatywny obrazu"),
        max_length=250,
        blank=True,
        help_text=_("Pusty = obraz dekoracyjny, pomijany przez czytniki ekranu."),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("kategoria"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tagi"),
        help_text=_("Słowa kluczowe oddzielone przecinkami."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("treść"), blank=True)
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Strona")))],
        verbose_name=_("zobacz też"),
        blank=True,
        max_num=6,
        help_text=_("Do sześciu stron powiązanych z tą aktualnością."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Obraz główny"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_pages"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = {c.pk: c for c in news_categories(self.locale_id)}
        # The parent index's URL is the breadcrumb trail's last step (cached).
        trail = navigation.breadcrumbs(self, request)
        context.update(
            news_index_url=trail[-1]["url"] if trail else "/",
            category=categories.get(self.category_id),
            related=self.related_in_language(),
        )
        return context

    def related_in_language(self):
        """The "see also" pages in this page's language where translated, in one
        query; untranslated ones stay as chosen; drafts and restricted pages drop."""
        chosen_ids = [b["value"] for b in self.related_pages.raw_data if b["value"]]
        if not chosen_ids:
            return []
        same_keys = Page.objects.filter(pk__in=chosen_ids).values("translation_key")
        candidates = list(
            Page.objects.filter(translation_key__in=same_keys)
            .live()
            .exclude(restricted_q())
        )
        key_of = {p.pk: p.translation_key for p in candidates}
        best = {}
        for page in candidates:
            if page.locale_id == self.locale_id or page.translation_key not in best:
                best[page.translation_key] = page
        return [best[key_of[pk]] for pk in chosen_ids if pk in key_of]
