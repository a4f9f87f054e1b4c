"""Editors translate a Polish page to English with wagtail-localize, in the admin."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.models import Page, Workflow, WorkflowState
from wagtail_localize.models import StringTranslation, Translation


def test_editor_translates_a_page_and_it_stays_draft(
    client, django_user_model, standard_page, home_en, locales
):
    admin = django_user_model.objects.create_superuser("ewa", "ewa@example.org", "x")
    client.force_login(admin)
    url = f"/admin/localize/submit/page/{standard_page.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"locales": [locales["en"].pk]})

    assert response.status_code == 302
    translation = Page.objects.get(
        translation_key=standard_page.translation_key, locale=locales["en"]
    )
    assert translation.get_parent().pk == home_en.pk
    # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: not live until published.
    assert not translation.live
    assert client.get("/en/o-kampanii/").status_code == 404
    # The Polish page's switcher does not offer the unpublished draft.
    client.logout()
    html = client.get("/o-kampanii/").text
    assert 'href="/en/?untranslated=1" lang="en"' in html


# An English translation goes through "Akceptacja moderatora" like any page
# (issue 13, point 12): wagtail-localize's screen publishes directly otherwise.


@pytest.fixture
def redaktor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="x")
    user.groups.add(Group.objects.get(name="Redaktorzy"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(Group.objects.get(name="Moderatorzy"))
    return user


@pytest.fixture
def english_draft(client, redaktor, standard_page, home_en, locales):
    """The redaktor's synced English translation of the page, not yet live,
    with its title translated on wagtail-localize's screen."""
    client.force_login(redaktor)
    client.post(
        f"/admin/localize/submit/page/{standard_page.pk}/",
        {"locales": [locales["en"].pk]},
    )
    page = Page.objects.get(
        translation_key=standard_page.translation_key, locale=locales["en"]
    ).specific
    translation = Translation.objects.get(
        source__object_id=standard_page.translation_key,
        target_locale=locales["en"],
    )
    title = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=locales["en"],
        context=title.context,
        data="About the campaign",
    )
    return page


def _edit(client, page, **data):
    return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish", **data})


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect home."""
    assert (response.status_code, response.get("Location")) in [
        (403, None),
        (302, "/admin/"),
    ]


def _main_button(html):
    props = json.loads(
        re.search(r'data-props="([^"]*)"', html).group(1).replace("&quot;", '"')
    )
    return props["perms"]["canPublish"]


def test_editor_is_offered_submission_not_delete(client, english_draft):
    response = client.get(f"/admin/pages/{english_draft.pk}/edit/")

    html = response.content.decode()
    # wagtail-localize shows its main button to publishers only; without it
    # "Usuń" was the main action.
    assert _main_button(html) is True
    assert 'src="/static/js/translation-actions.js"' in html
    assert 'data-label="Wyślij do moderacji"' in html


def test_editor_sends_the_translation_to_moderation(client, english_draft):
    response = _edit(client, english_draft)

    assert response.status_code == 302
    page = Page.objects.get(pk=english_draft.pk).specific
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == "Akceptacja moderatora"
    assert page.get_latest_revision_as_object().title == "About the campaign"
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[-1] == "Wysłano tłumaczenie „About the campaign” do moderacji."
    client.logout()
    assert client.get("/en/o-kampanii/").status_code == 404


def test_editor_cannot_publish_while_in_moderation(client, english_draft):
    _edit(client, english_draft)

    # Locked for the editor while the moderators review it: the main place
    # says so (disabled), not "Usuń", and a publish posted anyway is refused.
    html = client.get(f"/admin/pages/{english_draft.pk}/edit/").content.decode()
    assert _main_button(html) is True
    assert 'data-label="Czeka na moderację"' in html
    assert 'data-action="waiting"' in html
    response = _edit(client, english_draft)

    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[-1].startswith("Tłumaczenie czeka na moderację")
    page = Page.objects.get(pk=english_draft.pk)
    assert not page.live and page.workflow_in_progress
    assert page.current_workflow_state.status == "in_progress"


def test_editor_cannot_publish_without_a_workflow(client, english_draft):
    Workflow.objects.update(active=False)

    response = _edit(client, english_draft)

    assert_refused(response)
    assert not Page.objects.get(pk=english_draft.pk).live


def test_moderator_approves_through_the_workflow(client, english_draft, moderator):
    _edit(client, english_draft)
    workflow_state = Page.objects.get(pk=english_draft.pk).current_workflow_state
    client.force_login(moderator)

    html = client.get(f"/admin/pages/{english_draft.pk}/edit/").content.decode()
    assert 'data-label="Zatwierdź i opublikuj"' in html
    response = _edit(client, english_draft)

    assert response.status_code == 302
    workflow_state.refresh_from_db()
    # Approved, not cancelled by a publish that skips the review.
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert workflow_state.current_task_state is None or (
        workflow_state.current_task_state.status == "approved"
    )
    page = Page.objects.get(pk=english_draft.pk)
    assert page.live and page.title == "About the campaign"
    client.logout()
    assert "About the campaign" in client.get("/en/o-kampanii/").text


def test_rejected_translation_is_resubmitted(client, english_draft, moderator):
    _edit(client, english_draft)
    page = Page.objects.get(pk=english_draft.pk).specific
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")

    html = client.get(f"/admin/pages/{english_draft.pk}/edit/").content.decode()
    assert 'data-label="Wyślij ponownie do moderacji"' in html
    _edit(client, english_draft)

    page = Page.objects.get(pk=english_draft.pk).specific
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live


def test_moderator_still_publishes_a_translation_nobody_submitted(
    client,
    standard_page,
    home_en,
    locales,
    moderator,
    django_capture_on_commit_callbacks,
):
    client.force_login(moderator)
    client.post(
        f"/admin/localize/submit/page/{standard_page.pk}/",
        {"locales": [locales["en"].pk]},
    )
    page = Page.objects.get(
        translation_key=standard_page.translation_key, locale=locales["en"]
    )
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "translation-actions.js" not in html

    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        _edit(client, page)

    assert Page.objects.get(pk=page.pk).live
