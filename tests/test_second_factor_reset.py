"""An administrator resets a user's second factor in Wagtail's Users admin:
a confirmation with a required reason, the user's devices and sessions gone,
one structured event and an entry in the user's history."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.second_factor import new_backup_codes

REASON = "Zgubiony telefon, zgłoszenie telefoniczne 2 grudnia"


def reset_url(user):
    return f"/admin/users/reset-second-factor/{user.pk}/"


def edit_url(user):
    return f"/admin/users/edit/{user.pk}/"


def make_user(username, group=None, permissions=(), **extra):
    user = get_user_model().objects.create_user(
        username=username, password="Mazowsze-jury-2027!", **extra
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def admin(db):
    return make_user("admin", is_superuser=True)


@pytest.fixture
def juror(db):
    user = make_user("juror1", "Jury", first_name="Anna", last_name="Kowalska")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    new_backup_codes(user)
    return user


def has_devices(user):
    return (
        TOTPDevice.objects.filter(user=user).exists()
        or StaticDevice.objects.filter(user=user).exists()
    )


def test_the_users_page_says_whether_a_second_factor_is_set_up(admin, juror):
    editor = make_user("redaktor", "Redaktorzy")
    client = signed_in(admin)

    enrolled = client.get(edit_url(juror)).content.decode()
    assert "aplikacja uwierzytelniająca i 10 niewykorzystanych kodów" in enrolled
    assert f'href="{reset_url(juror)}"' in enrolled

    missing = client.get(edit_url(editor)).content.decode()
    assert "Nieskonfigurowany (w tej roli nie jest wymagany)." in missing
    assert reset_url(editor) not in missing  # nothing to reset

    listing = client.get("/admin/users/").content.decode()
    assert "Drugi składnik" in listing
    assert reset_url(juror) in listing and reset_url(editor) not in listing


def test_a_reset_needs_a_reason(admin, juror):
    client = signed_in(admin)
    page = client.get(reset_url(juror)).content.decode()
    assert 'name="reason"' in page and "juror1" in page

    response = client.post(reset_url(juror), {"reason": "  "})
    assert response.status_code == 200
    assert "To pole jest wymagane" in response.content.decode()
    assert has_devices(juror)
    assert not ModelLogEntry.objects.filter(
        action="accounts.second_factor.reset"
    ).exists()


def test_a_reset_removes_the_devices_ends_sessions_and_is_logged(admin, juror, caplog):
    caplog.set_level(logging.INFO, logger="accounts.security")
    jurors_browser = signed_in(juror)
    assert jurors_browser.get("/admin/").status_code == 200

    response = signed_in(admin).post(reset_url(juror), {"reason": REASON})

    assert response.status_code == 302 and response.url == edit_url(juror)
    assert not has_devices(juror)
    assert jurors_browser.get("/admin/").url.startswith("/admin/login/")
    (event,) = [
        r for r in caplog.records if getattr(r, "event", "") == "second_factor_reset"
    ]
    assert (event.username, event.reason, event.reset_by, event.sessions_ended) == (
        "juror1",
        REASON,
        "admin",
        1,
    )
    entry = ModelLogEntry.objects.get(action="accounts.second_factor.reset")
    assert entry.user_id == admin.pk and entry.object_id == str(juror.pk)
    assert entry.data == {"reason": REASON, "sessions_ended": 1}


def test_the_reset_reads_in_polish_in_the_users_and_the_site_history(admin, juror):
    client = signed_in(admin)
    client.post(reset_url(juror), {"reason": REASON})
    for url in (f"/admin/users/history/{juror.pk}/", "/admin/reports/site-history/"):
        html = client.get(url).content.decode()
        assert "Zresetowano drugi składnik logowania" in html, url
        assert REASON in html, url
    assert (
        "Reset drugiego składnika logowania"
        in client.get("/admin/reports/site-history/").content.decode()
    )


def test_the_confirmation_then_the_edit_page_tell_what_happened(admin, juror):
    client = signed_in(admin)
    page = client.post(reset_url(juror), {"reason": REASON}, follow=True)
    html = page.content.decode()
    assert "Drugi składnik logowania użytkownika Anna Kowalska został zresetowany" in (
        html
    )
    assert "Nieskonfigurowany – przy następnym logowaniu" in html


@pytest.mark.parametrize(
    ("group", "permissions"),
    [
        ("Sekretariat konkursu", ()),
        ("Jury", ()),
        ("Redaktorzy", ()),
        # May manage users in Wagtail's admin, yet is no administrator.
        (None, ("add_user", "change_user", "delete_user")),
    ],
)
def test_only_an_administrator_may_reset(juror, group, permissions):
    someone = make_user("someone", group, permissions)
    client = signed_in(someone)
    assert client.get(reset_url(juror)).status_code in (302, 403)
    assert client.post(reset_url(juror), {"reason": REASON}).status_code in (302, 403)
    assert has_devices(juror)
    if permissions:
        html = client.get(edit_url(juror)).content.decode()
        assert "aplikacja uwierzytelniająca" in html  # sees the status...
        assert reset_url(juror) not in html  # ... but is offered no reset


def test_a_reset_without_the_csrf_token_is_refused(admin, juror):
    client = signed_in(admin, enforce_csrf_checks=True)
    assert client.post(reset_url(juror), {"reason": REASON}).status_code == 403
    assert has_devices(juror)


def test_an_administrator_resetting_their_own_is_signed_out(admin):
    TOTPDevice.objects.create(user=admin, name="authenticator", confirmed=True)
    client = signed_in(admin)
    response = client.post(reset_url(admin), {"reason": REASON})
    assert response.status_code == 302 and response.url == "/admin/login/"
    assert not has_devices(admin)
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_an_unknown_user_is_404(admin):
    response = signed_in(admin).get("/admin/users/reset-second-factor/999/")
    assert response.status_code == 404


def test_the_command_writes_the_same_history_entry(admin, juror):
    from django.core.management import call_command

    call_command("reset_second_factor", "juror1", reason=REASON, by="admin")

    assert not has_devices(juror)
    entry = ModelLogEntry.objects.get(action="accounts.second_factor.reset")
    assert entry.user_id == admin.pk and entry.object_id == str(juror.pk)
    assert entry.data["reason"] == REASON
