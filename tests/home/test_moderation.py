"""Editors submit pages for moderation; moderators approve and publish."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from home.models import NewsCategory, StandardPage


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


def test_workflow_is_polish_and_covers_the_whole_tree(home):
    workflow = Workflow.objects.get(name="Akceptacja moderatora")
    assert workflow.active
    assert home.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderatorzy"]


def test_editor_can_edit_but_not_publish(redaktor, moderator, standard_page):
    assert standard_page.permissions_for_user(redaktor).can_edit()
    assert not standard_page.permissions_for_user(redaktor).can_publish()
    assert standard_page.permissions_for_user(moderator).can_publish()


def test_editor_submits_and_moderator_approves(
    client, redaktor, moderator, standard_page
):
    client.force_login(redaktor)
    edit_url = f"/admin/pages/{standard_page.pk}/edit/"
    assert client.get(edit_url).status_code == 200

    page = StandardPage.objects.get(pk=standard_page.pk)
    page.title = "O kampanii 2027"
    revision = page.save_revision(user=redaktor)
    workflow_state = page.get_workflow().start(page, redaktor)
    assert workflow_state.status == "in_progress"
    # Not public yet: the live page still has the old title.
    assert "O kampanii 2027" not in client.get("/o-kampanii/").text

    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]
    assert task.get_actions(page, redaktor) == []
    task.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    assert page.title == "O kampanii 2027"


def test_editors_manage_news_categories_and_documents(redaktor, moderator):
    for user in (redaktor, moderator):
        assert user.has_perm("home.add_newscategory")
        assert user.has_perm("wagtaildocs.add_document")
        assert user.has_perm("wagtail_localize.submit_translation")
    assert not redaktor.has_perm("home.change_footersettings")
    assert moderator.has_perm("home.change_footersettings")
    assert NewsCategory._meta.app_label == "home"


def test_editor_can_submit_a_translation(client, redaktor, standard_page, home_en):
    client.force_login(redaktor)
    response = client.get(f"/admin/localize/submit/page/{standard_page.pk}/")
    assert response.status_code == 200


def test_editors_keep_the_advocates_directory(client, redaktor):
    assert redaktor.has_perm("home.add_advocate")
    assert redaktor.has_perm("home.change_advocate")
    client.force_login(redaktor)
    response = client.get("/admin/snippets/home/advocate/")
    assert response.status_code == 200
