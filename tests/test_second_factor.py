"""Second factor (django-otp TOTP) for staff who see applicants' personal data.

Off in the test settings (the suite signs staff in with force_login); every
test here switches it on through the ``required`` fixture.
"""

import logging
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from accounts import second_factor
from accounts.middleware import SECOND_FACTOR_EXEMPT
from competition import roles
from tests.s3server import load_settings

ENROL = "/admin/second-factor/enrol/"
VERIFY = "/admin/second-factor/verify/"


# A stand-in value for each path converter: the middleware decides before the
# view looks the object up, so "1" needs no row behind it.
SAMPLE_ARGUMENT = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": None}


def _fill(piece):
    def sample(match):
        value = SAMPLE_ARGUMENT.get(match.group(1) or "str", "1")
        if value is None:
            raise ValueError(match.group(0))
        return value

    try:
        return re.sub(r"<(?:(\w+):)?\w+>", sample, piece)
    except ValueError:
        return None


def _plain_routes(patterns, prefix="", namespace=""):
    """(name, path) of every admin URL, parameters filled with sample values."""
    for pattern in patterns:
        piece = _fill(str(pattern.pattern).lstrip("^").rstrip("$"))
        if piece is None or re.search(r"[<(\[\\?*+]", piece):
            continue
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _plain_routes(pattern.url_patterns, prefix + piece, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, "/" + prefix + piece


ADMIN_URLS = sorted(
    {
        (name, path)
        for name, path in _plain_routes(get_resolver().url_patterns)
        if path.startswith("/admin/")
        and name not in SECOND_FACTOR_EXEMPT
        and not name.startswith("wagtailadmin_password_reset")
    }
)


@pytest.fixture
def required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    return settings


def make_user(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username=username, password="Mazowsze-jury-2027!", **extra
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def juror(db):
    return make_user("juror1", "Jury")


def code_for(device):
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{token:0{device.digits}d}"


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_resolver_yields_the_admin_screens():
    names = {name for name, _path in ADMIN_URLS}
    assert {"wagtailadmin_home", "wagtailadmin_pages:search"} <= names
    assert len(ADMIN_URLS) > 50


@pytest.mark.parametrize(("name", "path"), ADMIN_URLS, ids=[n for n, _ in ADMIN_URLS])
def test_every_admin_url_leads_an_unenrolled_juror_to_enrolment(
    required, juror, name, path
):
    response = signed_in(juror).get(path)
    assert response.status_code == 302, name
    assert response.url.startswith(ENROL + "?next="), (name, response.url)


def test_an_enrolled_juror_is_asked_for_a_code_and_gets_in_with_it(required, juror):
    device = enrolled(juror)
    target = reverse("wagtailadmin_home")
    with freeze_time("2027-03-01 09:00:00") as frozen:
        client = signed_in(juror)
        response = client.get(target)
        assert response.status_code == 302
        assert response.url == f"{VERIFY}?next=%2Fadmin%2F"

        wrong = client.post(VERIFY, {"token": "000000", "next": target})
        assert wrong.status_code == 200
        assert "Nieprawidłowy albo wykorzystany kod." in wrong.content.decode()
        assert client.get(target).status_code == 302

        frozen.tick(timedelta(seconds=30))  # past django-otp's throttle
        right = client.post(VERIFY, {"token": code_for(device), "next": target})
        assert right.status_code == 302
        assert right.url == target
        assert client.get(target).status_code == 200


def test_verify_never_redirects_to_another_host(required, juror):
    device = enrolled(juror)
    client = signed_in(juror)
    response = client.post(
        VERIFY, {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response.url == reverse("wagtailadmin_home")


def test_enrolment_shows_a_local_qr_and_confirms_with_a_code(required, juror):
    client = signed_in(juror)
    page = client.get(ENROL + "?next=/admin/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    # The QR is drawn here: no image from another host, no otpauth link.
    assert "<img" not in html.split('id="main"')[1]
    device = TOTPDevice.objects.get(user=juror, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    assert len(secret.replace(" ", "")) == 32

    done = client.post(ENROL, {"token": code_for(device), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    # A second visit to enrolment does not pair another phone.
    assert client.get(ENROL).status_code == 302


def test_the_step_offers_a_working_sign_out(required, juror):
    client = signed_in(juror)
    html = client.get(ENROL).content.decode()
    assert 'action="/admin/logout/" method="post"' in html
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_a_wrong_code_does_not_confirm_enrolment(required, juror):
    client = signed_in(juror)
    client.get(ENROL)
    response = client.post(ENROL, {"token": "123456"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=juror, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(required, juror):
    enrolled(juror)
    from accounts.second_factor import new_backup_codes

    code = new_backup_codes(juror)[0]
    first = signed_in(juror)
    assert first.post(VERIFY, {"token": code}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = signed_in(juror)
    assert second.post(VERIFY, {"token": code}).status_code == 200
    assert second.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("group", "superuser", "editors_too", "asked"),
    [
        ("Sekretariat konkursu", False, False, True),
        ("Jury", False, False, True),
        (None, True, False, True),
        ("Redaktorzy", False, False, False),
        ("Redaktorzy", False, True, True),
    ],
)
def test_who_needs_a_second_factor(required, db, group, superuser, editors_too, asked):
    required.SECOND_FACTOR_FOR_EDITORS = editors_too
    user = make_user("someone", group, is_superuser=superuser)
    response = signed_in(user).get("/admin/")
    assert (response.status_code == 302) is asked
    if asked:
        assert response.url.startswith(ENROL)


def test_moderators_need_it_when_editors_do(required, db):
    """sync_roles renames Wagtail's "Moderators" to the Polish name: the Polish
    name is what the setting has to cover."""
    required.SECOND_FACTOR_FOR_EDITORS = True
    moderator = make_user("moderator", roles.MODERATORS_GROUP)
    assert second_factor.is_required_for(moderator)
    assert signed_in(moderator).get("/admin/").url.startswith(ENROL)
    required.SECOND_FACTOR_FOR_EDITORS = False
    assert not second_factor.is_required_for(moderator)


#: Permissions that open applicants' data (entries, files, the log, results, the
#: jury's setup and assignments), each enough on its own.
APPLICANT_DATA_PERMISSIONS = [
    "view_entry",
    "export_entry",
    "download_entryfile",
    "check_entry",
    "view_competition_log",
    "manage_personal_data",
    "view_results",
    "publish_results",
    "view_assignment",
    "view_jurymember",
    "view_review",
]


@pytest.mark.parametrize("codename", APPLICANT_DATA_PERMISSIONS)
@pytest.mark.parametrize("through", ["user", "group"])
def test_a_permission_on_applicants_data_needs_it_whatever_the_group(
    required, db, codename, through
):
    # Outside the Sekretariat and Jury groups: a group made by hand, or the
    # user's own permission.
    user = make_user("office", "Biuro" if through == "group" else None)
    permission = Permission.objects.get(
        content_type__app_label="competition", codename=codename
    )
    if through == "group":
        Group.objects.get(name="Biuro").permissions.add(permission)
    else:
        user.user_permissions.add(permission)
    assert second_factor.is_required_for(user)
    assert signed_in(user).get("/admin/").url.startswith(ENROL)


def test_a_jury_member_outside_the_jury_group_needs_it(required, home):
    from tests.competition import builders

    user = make_user("guest-juror", roles.EDITORS_GROUP)
    assert not second_factor.is_required_for(user)
    builders.member(builders.edition(home), user)
    assert second_factor.is_required_for(user)
    assert signed_in(user).get("/admin/").url.startswith(ENROL)


def test_other_permissions_do_not_ask_for_it(required, db):
    user = make_user("pages", "Strony")
    Group.objects.get(name="Strony").permissions.add(
        Permission.objects.get(codename="change_advocate"),
        Permission.objects.get(codename="view_category"),
    )
    assert not second_factor.is_required_for(user)
    assert signed_in(user).get("/admin/").status_code == 200


def test_deciding_takes_one_query(required, db, django_assert_num_queries):
    user = make_user("editor", roles.EDITORS_GROUP)
    with django_assert_num_queries(1):
        assert not second_factor.is_required_for(user)
    juror = make_user("juror2", roles.JURY_GROUP)
    with django_assert_num_queries(1):
        assert second_factor.is_required_for(juror)


def test_switched_off_the_login_page_says_so(settings, juror):
    settings.SECOND_FACTOR_REQUIRED = False
    assert signed_in(juror).get("/admin/").status_code == 200
    assert (
        "drugi składnik logowania jest wyłączony"
        in Client().get("/admin/login/").content.decode()
    )


def test_switched_on_the_login_page_has_no_demo_notice(required, db):
    html = Client().get("/admin/login/").content.decode()
    assert "drugi składnik logowania jest wyłączony" not in html


def test_an_administrators_reset_is_logged_and_signs_the_user_out(
    required, juror, caplog
):
    caplog.set_level(logging.INFO, logger="accounts.security")
    device = enrolled(juror)
    client = signed_in(juror)
    client.post(VERIFY, {"token": code_for(device)})
    assert client.get("/admin/").status_code == 200

    call_command("reset_second_factor", "juror1", reason="zgubiony telefon", by="admin")

    assert not TOTPDevice.objects.filter(user=juror).exists()
    assert not StaticDevice.objects.filter(user=juror).exists()
    assert client.get("/admin/").status_code == 302
    (event,) = [
        r for r in caplog.records if getattr(r, "event", "") == "second_factor_reset"
    ]
    assert (event.username, event.reason, event.reset_by) == (
        "juror1",
        "zgubiony telefon",
        "admin",
    )
    assert event.sessions_ended == 1


@pytest.mark.parametrize("value", ["false", "0", "no"])
def test_production_refuses_to_start_without_it(value):
    loaded = load_settings(
        "campaign_site.settings.production",
        ["DEBUG"],
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
        SECOND_FACTOR_REQUIRED=value,
    )
    assert loaded.get("error") == "ImproperlyConfigured", loaded
    assert "SECOND_FACTOR_REQUIRED" in loaded["message"]


def test_production_requires_it_by_default():
    loaded = load_settings(
        "campaign_site.settings.production",
        ["SECOND_FACTOR_REQUIRED", "SECOND_FACTOR_GROUPS"],
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
    )
    assert loaded["settings"]["SECOND_FACTOR_REQUIRED"] is True
    assert loaded["settings"]["SECOND_FACTOR_GROUPS"] == [
        "Sekretariat konkursu",
        "Jury",
    ]
