"""Wagtail's and wagtail-localize's English messages that the project translates itself.

Upstream's Polish catalogs lack these strings (or phrase them ungrammatically, e.g.
"Dodaj kategoria", "Wyślij do Akceptacja moderatora"), so Polish staff saw English or
broken Polish in the admin. Listing the msgids here keeps them in the project's catalogs
through `makemessages`; locale/pl gives the Polish text and locale/en the same English
as upstream. The project's catalogs come first (LOCALE_PATHS outranks app catalogs), so
these translations win. Nothing imports this module: it is read by `makemessages` only.
The JavaScript strings live in locale/pl/LC_MESSAGES/djangojs.po (edited by hand).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Labels built from a model's verbose_name: upstream Polish puts the noun after a verb
# in the nominative ("Dodaj kategoria"); a colon makes every noun read correctly.
MODEL_LABELS = (
    _("Add %(model_name)s"),
    _("New"),
    _("New: %(model_name)s"),
    _("Choose %(object)s"),
    _("Choose another %(object)s"),
    _("Edit this %(object)s"),
    _("Submit to %(workflow_name)s"),
    _("Resubmit to %(task_name)s"),
    _("No %(model_name)s match your query."),
    _("There are no %(model_name)s to display."),
    _("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    _(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s "
        "across entire site."
    ),
    _(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
)

# Dashboard counters.
DASHBOARD = (
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)

# The page and snippet editor: validation banners, autosave, checks, status side panel.
EDITOR = (
    _("Go to the first error"),
    _("There are validation errors, click save to highlight them."),
    _("The page could not be saved due to validation errors."),
    _("The page could not be created due to validation errors."),
    _("The page could not be saved as it is locked."),
    _("The %(model_name)s could not be saved as it is locked"),
    _("Correct the validation errors to resume preview (saving will highlight errors)"),
    _("Date cannot be in the future."),
    _("Expiry date/time must be in the future."),
    _("Please select another parent."),
    _("The slug '%(page_slug)s' is already in use within the parent page."),
    _(
        "The slug '%(page_slug)s' is already in use at the selected parent page. "
        "Make sure the slug is unique and try again."
    ),
    _("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    _("Saved"),
    _("Autosave is paused"),
    _("Autosave is <span>paused</span>"),
    _("Saving will overwrite a newer version."),
    _("View latest version"),
    _("Currently idle"),
    _("Proceeding will overwrite the changes you made in that window."),
    _("Proceeding will overwrite the changes made by %(user_name)s."),
    _("Alternatively, you can view the latest version in a new tab."),
    _("A network error occurred"),
    _(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ),
    _("Checks"),
    _("Toggle checks"),
    _("Readability"),
    _("This data explained"),
    _("How we calculate our metrics"),
    _("Empty frame title found"),
    _("Input button text is empty"),
    _("Meta description is empty"),
    _("Add a concise description for search engines"),
    _("To be created by %(user)s"),
    _("Once scheduled:"),
    _("Scheduling…"),
    _("Schedule to publish"),
    _(
        'This publishing schedule will only take effect after you select the "Schedule '
        'to publish" option'
    ),
    _("This %(model_name)s hasn't been submitted for moderation yet"),
    _(
        "This page is currently at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    _(
        "This page was marked as needing changes at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    _("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    _("Private, accessible with a shared password"),
    _("Private, accessible to any logged-in users"),
    _("Compare"),
    _("Live version"),
    _("Compare with live version"),
    _("Is commenting action"),
    _("Placeholder title"),
    _("Sort item order"),
    _("Disable custom ordering"),
    _("Enable custom ordering"),
    _("Actions (footer)"),
    _(
        "You are viewing a previous version of this %(model_name)s from "
        "<b>%(created_at)s</b> by %(user)s"
    ),
)

# Messages after saving, publishing and moderating pages and snippets.
MESSAGES = (
    _("%(model_name)s '%(object)s' updated and published."),
    _("%(model_name)s '%(object)s' created and published."),
    _("%(model_name)s '%(object)s' has been submitted for moderation."),
    _("%(model_name)s '%(object)s' created and submitted for moderation."),
    _("%(model_name)s '%(object)s' has been scheduled for publishing."),
    _("%(model_name)s '%(object)s' created and scheduled for publishing."),
    _("%(model_name)s '%(title)s' is now unlocked."),
    _("Workflow on %(model_name)s '%(object)s' has been restarted."),
    _("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    _("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    _("'%(page_title)s' has been moved successfully."),
    _("You do not have permission to access the admin."),
    ngettext_lazy(
        "%(num_parent_objects)d page has been published",
        "%(num_parent_objects)d pages have been published",
        "num_parent_objects",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been unpublished",
        "%(num_parent_objects)d pages have been unpublished",
        "num_parent_objects",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been deleted",
        "%(num_parent_objects)d pages have been deleted",
        "num_parent_objects",
    ),
    ngettext_lazy(
        "This action will delete <b>%(total_pages_formatted)s</b> page in total.",
        "This action will delete <b>%(total_pages_formatted)s</b> pages in total.",
        "total_pages_formatted",
    ),
)

# Account, images, users.
OTHER_SCREENS = (
    _("Use server language: %(language_name)s"),
    _("Use server time zone"),
    _("Enable custom keyboard shortcuts specific to Wagtail."),
    _("Show keyboard shortcuts"),
    _("Grid layout"),
    _("List layout"),
    _("Layout"),
    _("Minimum"),
    _("Maximum"),
    _("Usage count"),
    _("Usage count: (low to high)"),
    _("Usage count: (high to low)"),
    _("The filter options you have selected are not valid."),
    _("Maximum filesize: %(max_upload_size)s."),
    _("Toggle all add permissions"),
    _("Toggle all change permissions"),
    _("Toggle all delete permissions"),
    _("Toggle all custom permissions"),
)

# wagtail-localize's translation screens.
TRANSLATION = (
    _("Use machine translation"),
    _("Apply machine translations to the incoming changes."),
    _(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."
    ),
)
