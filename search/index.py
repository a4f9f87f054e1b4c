"""What a page gives the search index: its text, plus a hidden copy in dictionary forms.

A page model opts in with ``LemmatisedSearchMixin`` and one more search field::

    class NewsPage(LemmatisedSearchMixin, Page):
        search_fields = Page.search_fields + [
            index.SearchField("lead"),
            index.SearchField("body"),
            index.SearchField("search_lemmas"),
        ]

The copy is built from the page's other search fields, so adding a field to
``search_fields`` is all it takes for its words to be found in any inflected form.
Wagtail's database backend stores it with the rest of the page's text on SQLite
(FTS5) and PostgreSQL (tsvector) alike; nothing here depends on the database.
"""

from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.search import index

from .lemmas import language_of, lemmatised_copy

LEMMAS_FIELD = "search_lemmas"


def _plain(value):
    """A search field's value as plain text (StreamField gives a list of strings)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    return force_str(value)


def searchable_texts(page, include_title=True):
    """The plain text of each of ``page``'s search fields, in declaration order."""
    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        if field.field_name == LEMMAS_FIELD:
            continue
        if field.field_name == "title" and not include_title:
            continue
        # Rich text and StreamField values are already tag-free; strip_tags is for
        # plain fields into which an editor pasted markup.
        text = strip_tags(_plain(field.get_value(page))).strip()
        if text:
            texts.append(text)
    return texts


class LemmatisedSearchMixin:
    """Gives a page the ``search_lemmas`` method its search field indexes."""

    def search_lemmas(self):
        """Every word of the page's searchable text in its dictionary forms."""
        return lemmatised_copy(
            searchable_texts(self), language_of(self.locale.language_code)
        )
