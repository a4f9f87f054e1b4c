"""Staff sign-in: throttled logins, passwords, session limits, no Gravatar.

Throttling is off in the test settings (the test client's login() passes no
request, which django-axes refuses); the ``throttled`` fixture turns it on.
"""

import json
import logging
import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from freezegun import freeze_time

from accounts.throttling import client_ip
from campaign_site.logging import JsonFormatter
from tests.s3server import load_settings

PASSWORD = "Mazowsze-jury-2027!"
WRONG = "zle-haslo-zle-haslo"
LOGIN_URL = "/admin/login/"
ADMIN_HOME = "/admin/"
ATTACKER = "198.51.100.7"
OFFICE = "192.0.2.10"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    return settings


def make_staff(username, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@mcps.example", password=PASSWORD, **extra
    )
    jury, _ = Group.objects.get_or_create(name="Jury")
    user.groups.add(jury)
    if not extra.get("is_superuser"):
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def juror(db):
    return make_staff("juror1")


@pytest.fixture
def other_juror(db):
    return make_staff("juror2")


def sign_in(client, username, password, address=ATTACKER, **headers):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def fail(client, username, times, address=ATTACKER, **headers):
    return [sign_in(client, username, WRONG, address, **headers) for _ in range(times)]


def events(caplog, name):
    return [r for r in caplog.records if getattr(r, "event", None) == name]


# --- Throttled logins -----------------------------------------------------------------


def test_fifth_wrong_password_locks_with_a_polish_message(
    throttled, juror, client, caplog
):
    caplog.set_level(logging.INFO, logger="accounts.security")
    first_four = fail(client, "juror1", 4)
    assert [r.status_code for r in first_four] == [200] * 4
    assert all("wstrzymane" not in r.content.decode() for r in first_four)

    locked = sign_in(client, "juror1", WRONG)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Zbyt wiele nieudanych prób logowania" in html
    assert "wstrzymane na 15 minut." in html
    # The page is Wagtail's sign-in form again, not a dead end.
    assert 'name="username"' in html
    assert signed_in_as(client) is None


def test_right_password_is_refused_until_the_cool_off_ends(throttled, juror, client):
    with freeze_time("2027-03-01 09:00:00") as frozen:
        fail(client, "juror1", 5)
        refused = sign_in(client, "juror1", PASSWORD)
        assert refused.status_code == 429
        assert signed_in_as(client) is None

        frozen.tick(timedelta(minutes=14))
        assert sign_in(client, "juror1", PASSWORD).status_code == 429
        assert signed_in_as(client) is None

        # Refused attempts do not stretch the cool-off: 15 minutes from the lockout.
        frozen.tick(timedelta(minutes=2))
        accepted = sign_in(client, "juror1", PASSWORD)
        assert accepted.status_code == 302
        assert accepted.url == ADMIN_HOME
        assert signed_in_as(client) == str(juror.pk)


def test_another_user_from_the_same_address_is_not_locked(
    throttled, juror, other_juror, client
):
    fail(client, "juror1", 5)
    assert sign_in(client, "juror1", PASSWORD).status_code == 429
    response = sign_in(Client(), "juror2", PASSWORD)
    assert response.status_code == 302
    assert response.url == ADMIN_HOME


def test_the_victim_from_another_address_is_not_locked(throttled, juror, client):
    fail(client, "juror1", 5, address=ATTACKER)
    victim = Client()
    response = sign_in(victim, "juror1", PASSWORD, address=OFFICE)
    assert response.status_code == 302
    assert signed_in_as(victim) == str(juror.pk)


def test_rotating_x_forwarded_for_does_not_bypass_the_lockout(throttled, juror):
    client = Client()
    for n in range(5):
        sign_in(client, "juror1", WRONG, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = sign_in(client, "juror1", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429
    assert signed_in_as(client) is None


def test_rotating_user_agents_does_not_bypass_the_lockout(throttled, juror):
    client = Client()
    for n in range(5):
        sign_in(client, "juror1", WRONG, HTTP_USER_AGENT=f"bot/{n}")
    response = sign_in(client, "juror1", PASSWORD, HTTP_USER_AGENT="bot/99")
    assert response.status_code == 429


def test_behind_a_proxy_only_the_proxys_own_entry_counts(throttled, juror):
    """One trusted proxy appends the client's address; whatever the client put
    in front of it changes nothing."""
    throttled.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    client = Client()
    for n in range(5):
        sign_in(
            client,
            "juror1",
            WRONG,
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, {ATTACKER}",
        )
    locked = sign_in(
        client,
        "juror1",
        PASSWORD,
        address=proxy,
        HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}",
    )
    assert locked.status_code == 429
    # The same proxy forwarding the real juror from the office lets them in.
    office = sign_in(
        Client(), "juror1", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=OFFICE
    )
    assert office.status_code == 302


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.2"),  # a proxy was skipped: trust the socket
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_reads_only_what_trusted_proxies_wrote(
    settings, count, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert client_ip(request) == expected


def test_every_failure_and_the_lockout_are_one_structured_event_each(
    throttled, juror, client, caplog
):
    caplog.set_level(logging.INFO, logger="accounts.security")
    fail(client, "juror1", 6)

    failures = events(caplog, "login_failed")
    lockouts = events(caplog, "login_locked_out")
    assert len(failures) == 6
    assert len(lockouts) == 1
    assert [r.locked_out for r in failures] == [False] * 4 + [True, True]
    assert {(r.username, r.ip_address) for r in failures + lockouts} == {
        ("juror1", ATTACKER)
    }
    assert lockouts[0].cooloff_minutes == 15
    line = json.loads(JsonFormatter().format(lockouts[0]))
    assert line["event"] == "login_locked_out"
    assert line["username"] == "juror1"
    assert line["ip_address"] == ATTACKER
    assert line["path"] == LOGIN_URL
    assert WRONG not in JsonFormatter().format(failures[0])


def test_a_successful_sign_in_clears_earlier_failures(throttled, juror, client):
    fail(client, "juror1", 4)
    assert sign_in(client, "juror1", PASSWORD).status_code == 302
    client.logout()
    fail(client, "juror1", 4)
    assert sign_in(client, "juror1", PASSWORD).status_code == 302


# --- Passwords ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["Kr0tkie-h4s", "123456654321", "password1234", "1qaz2wsx3edc"],
    ids=["eleven-characters", "digits-only", "common", "common-keyboard-walk"],
)
def test_weak_staff_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_twelve_characters_that_are_not_common_are_accepted():
    assert validate_password("Wisla-Mazowsz") is None


def test_minimum_length_is_twelve(settings):
    (length,) = [
        v["OPTIONS"]["min_length"]
        for v in settings.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    ]
    assert length == 12
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert "CommonPasswordValidator" in names


# --- Sessions -------------------------------------------------------------------------


def test_the_session_key_rotates_on_sign_in(juror, client, settings):
    session = client.session
    session["before"] = "anonymous"
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert sign_in(client, "juror1", PASSWORD).status_code == 302

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert signed_in_as(client) == str(juror.pk)


def admin_home_status(client):
    response = client.get(ADMIN_HOME)
    if response.status_code == 302:
        assert response.url.startswith(LOGIN_URL)
    return response.status_code


def test_idle_session_ends_after_thirty_minutes(juror, client):
    with freeze_time("2027-03-01 09:00:00") as frozen:
        client.force_login(juror)
        assert admin_home_status(client) == 200
        frozen.tick(timedelta(minutes=29))
        assert admin_home_status(client) == 200
        frozen.tick(timedelta(minutes=29))
        assert admin_home_status(client) == 200
        frozen.tick(timedelta(minutes=31))
        assert admin_home_status(client) == 302
        assert signed_in_as(client) is None
        login_page = client.get(LOGIN_URL).content.decode()
        assert "Sesja wygasła" in login_page


def test_active_session_ends_eight_hours_after_sign_in(juror, client):
    with freeze_time("2027-03-01 09:00:00") as frozen:
        client.force_login(juror)
        for _ in range(16):  # a request every 29 minutes: 7 h 44 min
            frozen.tick(timedelta(minutes=29))
            assert admin_home_status(client) == 200
        frozen.tick(timedelta(minutes=17))  # 8 h 01 min
        assert admin_home_status(client) == 302
        assert signed_in_as(client) is None


def test_a_request_without_a_session_cookie_never_reads_the_session(db):
    """Reading it would add Vary: Cookie to a cacheable public response."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse

    from accounts.middleware import StaffSessionTimeoutMiddleware

    seen = {}

    def view(request):
        seen["accessed"] = request.session.accessed
        return HttpResponse("ok")

    stack = SessionMiddleware(
        AuthenticationMiddleware(MessageMiddleware(StaffSessionTimeoutMiddleware(view)))
    )
    stack(RequestFactory().get("/"))
    assert seen == {"accessed": False}


def test_deactivating_a_juror_ends_their_sessions(
    juror, other_juror, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO, logger="accounts.security")
    laptop, phone, colleague = Client(), Client(), Client()
    laptop.force_login(juror)
    phone.force_login(juror)
    colleague.force_login(other_juror)
    assert admin_home_status(laptop) == 200

    with django_capture_on_commit_callbacks(execute=True):
        juror.is_active = False
        juror.save()

    assert admin_home_status(laptop) == 302
    assert admin_home_status(phone) == 302
    assert admin_home_status(colleague) == 200
    remaining = [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()]
    assert str(juror.pk) not in remaining
    assert str(other_juror.pk) in remaining
    (event,) = events(caplog, "sessions_ended_on_deactivation")
    assert (event.username, event.sessions) == ("juror1", 2)


def test_saving_an_active_user_leaves_their_sessions(
    juror, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(juror)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        juror.first_name = "Anna"
        juror.save()
    assert callbacks == []
    assert admin_home_status(client) == 200


# --- Gravatar -------------------------------------------------------------------------


def test_admin_pages_show_no_gravatar(db, client):
    admin = make_staff("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    dashboard = client.get(ADMIN_HOME).content.decode()
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    for html in (dashboard, account):
        assert "gravatar" not in html.lower()
    # The sidebar's account menu and the account page both show the local default.
    (sidebar_avatar,) = re.findall(r'avatarUrl\\?": \\?"([^"\\]*)', dashboard)
    assert sidebar_avatar.startswith("/static/wagtailadmin/images/default-user-avatar")
    account_avatars = re.findall(r'<img src="([^"]*)"[^>]*class="[^"]*avatar', account)
    account_avatars += re.findall(
        r'class="[^"]*avatar[^"]*"[^>]*>\s*<img src="([^"]*)"', account
    )
    assert account_avatars
    assert all(
        src.startswith("/static/wagtailadmin/images/") for src in account_avatars
    )


# --- Production settings ------------------------------------------------------------


def test_production_cookies_are_host_only_secure_and_http_only():
    names = [
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        "SESSION_COOKIE_DOMAIN",
        "SESSION_COOKIE_PATH",
        "AXES_ENABLED",
        "AXES_LOCKOUT_PARAMETERS",
        "AXES_COOLOFF_TIME",
        "TRUSTED_PROXY_COUNT",
        "WAGTAIL_GRAVATAR_PROVIDER_URL",
    ]
    loaded = load_settings(
        "campaign_site.settings.production",
        names,
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
        TRUSTED_PROXY_COUNT="1",
    )
    values = loaded["settings"]
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    for name in (
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "AXES_ENABLED",
    ):
        assert values[name] is True, name
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    # "__Host-" cookies must have no Domain and the path /: Django's defaults,
    # which the settings must leave alone (None: not set in the module).
    assert values["SESSION_COOKIE_DOMAIN"] is None
    assert values["SESSION_COOKIE_PATH"] in (None, "/")
    assert values["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]
    assert values["AXES_COOLOFF_TIME"] == "0:15:00"  # str() of a timedelta: finite
    assert values["TRUSTED_PROXY_COUNT"] == 1
    assert values["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None
