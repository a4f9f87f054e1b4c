"""A new page is created once, by the editor's own action (issue 14).

Wagtail 7.4 autosaved the create form: the background save created the page
while the editor's form still posted to the add URL, which then tried to
create it again ("slug already in use", or a 500 when both met). Here the
create view neither offers autosave nor creates a page from one; autosave
starts on the edit view, after the first save.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaign_site.admin_views import PageCreateView
from home.models import NewsPage
from tests.competition.builders import NewsIndexPageFactory

TITLE = "Nabór do konkursu 2027"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def redaktor(client, django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="x")
    user.groups.add(Group.objects.get(name="Redaktorzy"))
    client.force_login(user)
    return user


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def add_url(parent):
    return f"/admin/pages/add/home/newspage/{parent.pk}/"


def news_form(**extra):
    """The create form as a browser posts it, the slug already synced from
    the title (Wagtail's JS does that while the editor types)."""
    return {
        **nested_form_data(
            {
                "title": TITLE,
                "slug": "nabor-do-konkursu-2027",
                "date": "2027-01-15",
                "lead": "Krótko o naborze.",
                "body": streamfield([]),
                "related_pages": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
        **extra,
    }


def test_wagtails_add_url_is_served_by_the_view_without_autosave(news_index):
    assert resolve(add_url(news_index)).func.view_class is PageCreateView


def test_the_create_form_does_not_autosave_but_the_edit_form_does(
    client, redaktor, news_index
):
    create = client.get(add_url(news_index))
    assert create.status_code == 200
    assert create.context["autosave_enabled"] is False
    assert 'data-controller="w-init w-unsaved "' in create.text

    client.post(add_url(news_index), news_form())
    page = NewsPage.objects.get(title=TITLE)
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.context["autosave_enabled"] is True


def test_an_autosave_then_the_editors_submit_create_one_page_in_moderation(
    client, redaktor, news_index
):
    autosave = client.post(add_url(news_index), news_form(), **JSON)
    submit = client.post(add_url(news_index), news_form(**{"action-submit": "1"}))

    assert autosave.status_code < 500 and submit.status_code < 500
    assert submit.status_code == 302, submit.context["form"].errors
    page = NewsPage.objects.get(title=TITLE)  # exactly one
    assert Page.objects.filter(title=TITLE).count() == 1
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == redaktor
    # The autosave was refused with a message Wagtail's JS shows.
    assert autosave.json()["success"] is False
    assert autosave.json()["error_code"] == "validation_error"


def test_an_autosave_then_save_draft_create_one_draft(client, redaktor, news_index):
    client.post(add_url(news_index), news_form(), **JSON)
    response = client.post(add_url(news_index), news_form())

    page = NewsPage.objects.get(title=TITLE)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_an_abandoned_first_attempt_does_not_block_the_next(
    client, redaktor, news_index
):
    """Issue 13, point 14: an editor who started a page and left it (only
    autosave had run) creates it again with the same title."""
    client.post(add_url(news_index), news_form(), **JSON)

    response = client.post(add_url(news_index), news_form())

    assert response.status_code == 302
    assert NewsPage.objects.filter(slug="nabor-do-konkursu-2027").count() == 1


# If a server error ever reaches an editor ----------------------------------


@pytest.fixture
def failing_create_view(monkeypatch):
    def fail(self, request):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(PageCreateView, "get", fail)


def test_a_server_error_in_the_admin_tells_staff_their_work_is_kept(
    client, redaktor, news_index, failing_create_view
):
    client.raise_request_exception = False

    response = client.get(add_url(news_index))

    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd serwera" in response.text
    assert "Twoja praca nie przepadła." in response.text
    assert 'href="/admin/"' in response.text


def test_a_public_server_error_says_nothing_about_the_admin(rf):
    from campaign_site.views import server_error

    response = server_error(rf.get("/aktualnosci/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd serwera" in html
    assert "Twoja praca" not in html
