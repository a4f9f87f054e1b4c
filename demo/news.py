"""Demo news for `seed_demo`: categories and news items written for the demo site
(content in ``data/news.json``).

The Polish item is the source; "en" (optional) is its English translation.
"""

import datetime

from django.utils import timezone

from demo.campaign import CAMPAIGN
from demo.content import load
from demo.events import last_23_march

_DATA = load("news")

NEWS_INDEX = _DATA["index"]
# slug: Polish name, English slug and name
NEWS_CATEGORIES = _DATA["categories"]
NEWS = _DATA["news"]
# The English translations' tags (a tag is a plain word, not a translatable snippet:
# each language's pages carry their own).
NEWS_TAGS_EN = _DATA["tags_en"]


def campaign_start(today):
    """The campaign's launch news is dated on the campaign's first day."""
    return CAMPAIGN["start_date"]


# A spec's "date": the name of a rule giving its date from today's date.
DATE_RULES = {"last_23_march": last_23_march, "campaign_start": campaign_start}


def news_date(spec, today):
    """The date of a demo news item, relative to the day the demo is seeded
    like the events' dates: each item announces or reports on a demo event or
    on a phase of the competition (the open edition opened 7 days ago, the jury
    of the previous one started 14 days ago), so the two lists agree.

    ``"days_ago"`` counts back from ``today``; ``"date"`` names a rule."""
    if "days_ago" in spec:
        return today - datetime.timedelta(days=spec["days_ago"])
    return DATE_RULES[spec["date"]](today)


def seed(command, pl, en):
    """The news index in both languages, categories and the demo news.

    ``command`` is the `seed_demo` command, for its helpers.
    """
    from home.models import NewsCategory, NewsIndexPage, NewsPage

    index = command.seed_index(NewsIndexPage, NEWS_INDEX, pl, en)
    categories = {}
    for slug, names in NEWS_CATEGORIES.items():
        category, _ = NewsCategory.objects.get_or_create(
            slug=slug, locale=pl, defaults={"name": names["name"]}
        )
        translation = category.get_translation_or_none(en)
        if translation is None:
            translation = category.copy_for_translation(en)
            translation.name, translation.slug = names["name_en"], names["slug_en"]
            translation.save()
        categories[slug] = (category, translation)
    for spec in NEWS:
        category, category_en = categories[spec["category"]]
        index = NewsIndexPage.objects.get(pk=index.pk)
        news = index.get_children().filter(slug=spec["slug"]).specific().first()
        if news is None:
            news = NewsPage(
                slug=spec["slug"],
                category=category,
                date=news_date(spec, timezone.localdate()),
                **spec["pl"],
            )
            if spec.get("image"):
                news.lead_image = command.demo_picture(spec["image"])
            news.tags.add(*spec["tags"])
            index.add_child(instance=news)
            news.save_revision().publish()
        if "en" in spec:
            news_en = command.seed_translation(
                news, en, {**spec["en"], "category": category_en}
            )
            translate_tags(news_en, spec["tags"])


def translate_tags(news_en, tags_pl):
    """A translation starts with a copy of the Polish tags: give it English ones
    (only while it still has the copies, so an editor's tags stay)."""
    if set(news_en.tags.names()) != set(tags_pl):
        return
    news_en.tags.set([NEWS_TAGS_EN[tag] for tag in tags_pl])
    news_en.save_revision().publish()
