"""Admin screens of the home app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Advocate, NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Kategorie aktualności")
    menu_name = "news-categories"
    menu_order = 250
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class AdvocateViewSet(SnippetViewSet):
    model = Advocate
    icon = "group"
    menu_label = _("Rzecznicy ES")
    menu_name = "advocates"
    list_display = ["name", "municipality", "institution", "active"]
    list_filter = ["powiat_code", "active"]
    # Not a Wagtail-indexed model: the admin searches these columns in the database.
    search_fields = ["name", "institution"]
    search_backend_name = None
    ordering = ["name"]


class CampaignSnippetsGroup(SnippetViewSetGroup):
    """News categories and the advocates' network under one menu item."""

    items = (NewsCategoryViewSet, AdvocateViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Aktualności i sieć")
    menu_name = "campaign-snippets"
    menu_order = 250


register_snippet(CampaignSnippetsGroup)
