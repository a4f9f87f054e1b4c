"""English translations go through the same moderation as any page (issue 13,
point 12).

wagtail-localize (written against 1.14.5) replaces the edit view of a page that
is the target of a synced translation with its own React screen. Its footer
knows one main action, "Publish in …", shown only to users who may publish;
its POST calls ``Translation.save_target(publish=True)``, which publishes the
revision at once and cancels any workflow in progress
(``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``). So an editor got "Usuń" as the main
action and no way to moderation, and a moderator's "Publish" skipped the
review the editor asked for.

We do not fork the screen. A ``before_edit_page`` hook that runs before
wagtail-localize's (``home/wagtail_hooks.py``) takes over only that screen's
"publish" POST and turns it into the workflow step the user is entitled to
(`main_action`); for users who may take such a step it renders the same screen
with the publish button enabled, and ``static/js/translation-actions.js``
relabels it. Everything else (segments, preview, delete, lock) stays
wagtail-localize's. On an upgrade, check that the screen still posts
``action=publish`` from a button ``[name=action][value=publish]`` and still
reads ``permissions_for_user(...).can_publish()`` for its ``perms``.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import edit_translation

SUBMIT = "submit"
RESUBMIT = "resubmit"
APPROVE = "approve"
WAITING = "waiting"


@dataclass(frozen=True)
class MainAction:
    """What the translation screen's main button does for one user."""

    name: str
    label: str
    busy_label: str


MAIN_ACTIONS = {
    SUBMIT: MainAction(
        SUBMIT, gettext_lazy("Wyślij do moderacji"), gettext_lazy("Wysyłanie…")
    ),
    RESUBMIT: MainAction(
        RESUBMIT,
        gettext_lazy("Wyślij ponownie do moderacji"),
        gettext_lazy("Wysyłanie…"),
    ),
    APPROVE: MainAction(
        APPROVE,
        gettext_lazy("Zatwierdź i opublikuj"),
        gettext_lazy("Zatwierdzanie…"),
    ),
    # Shown disabled: the translation waits for the moderators, and the main
    # place of the screen says so instead of offering "Usuń".
    WAITING: MainAction(
        WAITING, gettext_lazy("Czeka na moderację"), gettext_lazy("Czeka na moderację")
    ),
}


def synced_translation(page):
    """The enabled wagtail-localize translation whose target is ``page``, if
    any: exactly when wagtail-localize shows its own screen for the page."""
    if page.alias_of_id:
        return None
    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).first()


def _approving_task_state(page, user):
    workflow_state = page.current_workflow_state
    if (
        workflow_state is None
        or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
    ):
        return None
    task_state = workflow_state.current_task_state
    if task_state is None:
        return None
    actions = task_state.task.specific.get_actions(page, user)
    if APPROVE in [name for name, *_rest in actions]:
        return task_state
    return None


def main_action(page, user):
    """The workflow step ``user`` takes with the translation screen's main
    button, or None where wagtail-localize's own behaviour stands.

    - A reviewer of the task in progress approves it: the workflow publishes.
    - Someone who may not publish submits the translation to the page's
      workflow, or resubmits it after changes were requested (as Wagtail's
      page editor does). While the page waits for review it is locked for them:
      the main button, disabled, says it waits for moderation.
    - Anyone else: wagtail-localize decides (a moderator publishes a page that
      is not in moderation; an editor without a workflow gets no publish).
    """
    if _approving_task_state(page, user) is not None:
        return MAIN_ACTIONS[APPROVE]
    permissions = page.permissions_for_user(user)
    if permissions.can_publish() or not permissions.can_edit():
        return None
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return MAIN_ACTIONS[WAITING]
    if not permissions.can_submit_for_moderation():
        return None
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return MAIN_ACTIONS[RESUBMIT]
    return MAIN_ACTIONS[SUBMIT]


def perform(request, page, translation, action):
    """Save the translated strings as a new draft revision of ``page`` and take
    ``action``'s workflow step; returns the message for the user."""
    translation.save_target(user=request.user, publish=False)
    page.refresh_from_db()
    title = page.get_admin_display_title()
    if action.name == APPROVE:
        task_state = _approving_task_state(page, request.user)
        task_state.task.specific.on_action(task_state, request.user, APPROVE)
        return _("Zatwierdzono tłumaczenie „%(title)s”.") % {"title": title}
    workflow_state = page.current_workflow_state
    if action.name == RESUBMIT:
        workflow_state.resume(request.user)
    else:
        page.get_workflow().start(page, request.user)
    return _("Wysłano tłumaczenie „%(title)s” do moderacji.") % {"title": title}


class _PublishAsMainAction:
    """The user's page permissions, except that ``can_publish`` answers
    whether the screen should show its main button: wagtail-localize shows it
    only to publishers, and only through this question."""

    def __init__(self, permissions):
        self._permissions = permissions

    def __getattr__(self, name):
        return getattr(self._permissions, name)

    def can_publish(self):
        return True


def edit_translation_through_workflow(request, page):
    """``before_edit_page`` hook: the translation screen with the workflow's
    step as its main action; None leaves the request to wagtail-localize."""
    translation = synced_translation(page)
    if translation is None:
        return None
    action = main_action(page, request.user)
    if request.method == "POST":
        if request.POST.get("action") != "publish" or action is None:
            # wagtail-localize refuses a publish by a non-publisher (403).
            return None
        if action.name == WAITING:
            messages.warning(
                request,
                _("Tłumaczenie czeka na moderację; nie można go teraz zmienić."),
            )
            return redirect(request.path)
        messages.success(request, perform(request, page, translation, action))
        return redirect(request.path)
    if action is None:
        return None
    permissions = page.permissions_for_user(request.user)
    page.permissions_for_user = lambda user: _PublishAsMainAction(permissions)
    request.translation_main_action = action
    return edit_translation(request, translation, page)
