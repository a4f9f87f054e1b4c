"""Keep the index right when text a page is indexed with is saved apart from the page.

An edition's categories are edited in their own admin screen, not on the page, so
saving one would otherwise leave the edition (and its translations) found by the old
category names until the next ``update_index``.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.search.tasks import insert_or_update_object_task


def reindex_edition(sender, instance, raw=False, **kwargs):
    if raw or instance.edition_id is None:
        return
    from competition.models import CompetitionPage

    # The original and its translations: all of them list the original's categories.
    editions = CompetitionPage.objects.filter(
        translation_key__in=CompetitionPage.objects.filter(
            pk=instance.edition_id
        ).values("translation_key")
    )
    for pk in editions.values_list("pk", flat=True):
        # The same task Wagtail queues when a page is saved.
        insert_or_update_object_task.enqueue("competition", "competitionpage", str(pk))


def connect_signals():
    from competition.models import Category

    for signal in (post_save, post_delete):
        signal.connect(
            reindex_edition, sender=Category, dispatch_uid=f"search-{id(signal)}"
        )
