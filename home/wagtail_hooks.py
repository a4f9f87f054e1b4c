"""Admin screens of the home app."""

from django.templatetags.static import static
from django.utils.functional import cached_property, lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.snippets.widgets import AdminSnippetChooser

from . import translation_workflow
from .models import Advocate, NewsCategory


def _label(message, name):
    return gettext(message) % {"object": name}


_lazy_label = lazy(_label, str)


class SnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser widget with its button texts translated when they
    are shown. Upstream translates them once, when the single widget of the viewset
    is built, so every user saw them in whichever language was active then
    ("Choose kategoria aktualności" for Polish editors)."""

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = _lazy_label("Choose %(object)s", name)
        self.choose_another_text = _lazy_label("Choose another %(object)s", name)
        self.link_to_chosen_text = _lazy_label("Edit this %(object)s", name)


class SnippetChooserInUsersLanguage(SnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        return SnippetChooser(model=self.model, icon=self.icon)


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    chooser_viewset_class = SnippetChooserInUsersLanguage
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

# Before wagtail-localize's own hook (order 0), which would answer first.
hooks.register(
    "before_edit_page",
    translation_workflow.edit_translation_through_workflow,
    order=-1,
)


@hooks.register("insert_editor_js")
def editor_tab_errors_js():
    """Errors on a hidden tab: the banner names the tab and the tab opens."""
    return format_html(
        '<script src="{}" data-one="{}" data-many="{}"></script>',
        static("js/editor-tab-errors.js"),
        gettext("Popraw pola na karcie: %(tabs)s."),
        gettext("Popraw pola na kartach: %(tabs)s."),
    )
