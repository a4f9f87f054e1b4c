"""Where our Wagtail admin departs from Wagtail's own views, and why.

Page creation without autosave (issue 14; Wagtail 7.4.x). Wagtail 7.3+
autosaves the *create* form: the first background save creates the page and
only its answer switches the form's action to the edit URL. An editor who
submits, saves or publishes while that request is on its way still posts to
the add URL, so the page is created a second time: the form comes back with
"slug already in use" on the hidden Promote tab, or, when both requests meet
in the server, a 500 (the ValidationError "slug already in use" raised by
Page.full_clean inside add_child, after the form had validated). The create
form carries nothing that would let the server tell its own autosaved page
from an unrelated page with the same slug, so there is no safe way to
continue as an edit; and an abandoned autosaved page blocks the next attempt
with the same title (issue 13, point 14). Upstream: no report of this race
was found in Wagtail's tracker (searched December 2026); the nearest are
wagtail/wagtail#3553 (two page creations milliseconds apart → IntegrityError
on the tree path), #14359 (autosave/stale-form race → IntegrityError on
draft save) and #14568 (autosave duplicating InlinePanel children);
mozilla/bedrock#17124 switched autosave off altogether.

So a new page is created only by the editor's own action, exactly as before
Wagtail 7.3; autosave starts on the edit view, after the first save, where
the URL identifies the page. Drop this override once Wagtail's create view
can recognise the page its autosave created.
"""

from django.utils.translation import gettext as _
from wagtail.admin.views.pages import create


class PageCreateView(create.CreateView):
    """Wagtail's page create view with autosave switched off."""

    def get(self, request):
        self.autosave_enabled = False
        return super().get(request)

    def post(self, request):
        self.autosave_enabled = False
        if self.expects_json_response:
            # An autosave from a create form rendered before this override
            # (an open tab during a deploy): refuse it, the editor's own save
            # still works and nothing is created behind their back.
            return self.json_error_response(
                "validation_error",
                _("Autozapis działa od pierwszego zapisania strony. Zapisz szkic."),
            )
        return super().post(request)
