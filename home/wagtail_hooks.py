"""Admin screens of the home app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Kategorie aktualności")
    menu_name = "news-categories"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(NewsCategoryViewSet)
