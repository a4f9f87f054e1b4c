"""Helpers shared by the browser tests: loading a page, axe, screenshots,
the demo's staff logins and the e-mails the site sent."""

import email
import email.policy
import functools
import math
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DEMO_PASSWORD = "demo-mazowsze"
MAIL_TIMEOUT = 15  # seconds for a message to reach the file backend

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

VIEWPORTS = {
    "desktop": (1280, 800),
    "mobile": (375, 812),
}

# name -> (path, expected <html lang>)
PAGES = {
    "pl-home": ("/", "pl"),
    "en-home": ("/en/", "en"),
    "pl-standard": ("/kontakt/", "pl"),
    "en-standard": ("/en/contact/", "en"),
    "pl-search": ("/search/?query=kampania", "pl"),
    "pl-statement": ("/deklaracja-dostepnosci/", "pl"),
    "en-statement": ("/en/accessibility-statement/", "en"),
    "en-privacy": ("/en/privacy-policy/", "en"),
    "pl-news-index": ("/aktualnosci/", "pl"),
    "en-news-index": ("/en/news/", "en"),
    "pl-news": ("/aktualnosci/trzecie-spotkanie-forum-rzecznikow/", "pl"),
    "en-news": ("/en/news/third-advocates-forum-meeting/", "en"),
    "pl-event-index": ("/wydarzenia/", "pl"),
    "en-event-index": ("/en/events/", "en"),
    "pl-event": ("/wydarzenia/gala-mazowieckiej-marki-ekonomii-spolecznej/", "pl"),
    "en-event": ("/en/events/mazovian-social-economy-brand-gala/", "en"),
    "pl-advocates": ("/rzecznicy/", "pl"),
    "pl-advocates-filtered": ("/rzecznicy/?powiat=1408", "pl"),
    "en-advocates": ("/en/advocates/", "en"),
    "pl-campaign": ("/kampania/", "pl"),
    "en-campaign": ("/en/campaign/", "en"),
    "pl-competition": ("/konkurs/", "pl"),
    "en-competition": ("/en/competition/", "en"),
    "pl-edition-open": ("/konkurs/mmes-2027/", "pl"),
    "en-edition-open": ("/en/competition/mmes-2027/", "en"),
    "pl-edition-past": ("/konkurs/mmes-2026/", "pl"),
    "en-edition-past": ("/en/competition/mmes-2026/", "en"),
    "pl-edition-results": ("/konkurs/mmes-2025/", "pl"),
    "en-edition-results": ("/en/competition/mmes-2025/", "en"),
    "pl-results": ("/konkurs/mmes-2025/wyniki/", "pl"),
    "en-results": ("/en/competition/mmes-2025/wyniki/", "en"),
    # The submission form (GET only: it saves nothing) for an organisation, a
    # person ("Osobowość") and in English; its error state, the receipt and the
    # status page with an entry are checked in test_competition.py.
    "pl-form-organisation": ("/konkurs/mmes-2027/zgloszenie/reintegracja/", "pl"),
    "pl-form-person": ("/konkurs/mmes-2027/zgloszenie/osobowosc/", "pl"),
    "en-form-organisation": (
        "/en/competition/mmes-2027/zgloszenie/reintegracja/",
        "en",
    ),
    # The status page opened without a link: how to get one.
    "pl-status-empty": ("/konkurs/mmes-2027/status/", "pl"),
}

_AXE_RUN = """
async ([tags, exclude]) => {
    const context = exclude.length ? {include: [document], exclude: exclude} : document;
    const result = await axe.run(context, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],
    });
    return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
        summary: v.nodes.length ? v.nodes[0].failureSummary : '',
    }));
}
"""

# Scroll through the page so lazy images load, then wait for them to finish.
_SETTLE = """
async () => {
    const step = Math.max(200, window.innerHeight);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await new Promise(r => setTimeout(r, 50));
    }
    window.scrollTo(0, 0);
    // A lazy image the browser decides not to fetch fires neither event: never
    // wait for one longer than a few seconds (the suite once hung here).
    const settled = (promise) => Promise.race(
        [promise, new Promise(r => setTimeout(r, 5000))]
    );
    await settled(Promise.all(Array.from(document.images).filter(i => !i.complete).map(
        i => new Promise(r => {
            i.addEventListener('load', r);
            i.addEventListener('error', r);
        })
    )));
    if (document.fonts) { await settled(document.fonts.ready); }
}
"""


def visit(page, base_url, path):
    """Open ``path``, failing on a non-200 answer or any failed sub-resource."""
    failed = []
    page.on(
        "response",
        lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    response = page.goto(base_url + path, wait_until="load")
    assert response is not None and response.status == 200, (
        f"GET {path} answered {response.status if response else 'nothing'}"
    )
    page.evaluate(_SETTLE)
    assert not failed, f"{path}: sub-resources failed to load:\n" + "\n".join(failed)
    return response


@functools.cache
def axe_source(axe_path):
    return Path(axe_path).read_text(encoding="utf-8")


def axe_violations(page, axe_path, exclude=()):
    """axe's violations on ``page``, minus the parts matching ``exclude``."""
    # Evaluated through the DevTools protocol, not added as an inline <script>:
    # the site's Content-Security-Policy (rightly) refuses those.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(f"() => {{ {axe_source(axe_path)}\n}}")
    return page.evaluate(_AXE_RUN, [AXE_TAGS, [[selector] for selector in exclude]])


def format_violations(label, violations):
    lines = [f"{label}: {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(
            f"- {v['id']} [{v['impact']}] {v['help']} ({v['count']} node(s)) "
            f"{v['helpUrl']}"
        )
        for target in v["targets"]:
            lines.append(f"    at {target}")
        if v["summary"]:
            lines.append("    " + v["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


def path_of(url):
    """The path of an absolute or relative URL, for comparing links."""
    return urlsplit(url).path


def focused(page):
    """A small description of document.activeElement."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return null;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                href: el.getAttribute('href'),
                text: (el.textContent || '').trim().slice(0, 60),
                inMainMenu: !!el.closest('nav.main-menu'),
                isMenuToggle: el.matches('summary.site-menu__toggle'),
                menuOpen: !!(el.closest('details') && el.closest('details').open),
                outlineStyle: style.outlineStyle,
                outlineWidth: style.outlineWidth,
            };
        }"""
    )


def assert_accessible(page, axe_path, label):
    violations = axe_violations(page, axe_path)
    assert not violations, format_violations(label, violations)


def shoot(page, screenshot_dir, name):
    """A full-page screenshot. Wagtail's admin scrolls inside its layout, not
    the document, so the viewport grows to the content's height first."""
    viewport = page.viewport_size
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
            ...Array.from(document.querySelectorAll('main, main *'))
                .filter(el => el.scrollHeight > el.clientHeight + 1
                    && getComputedStyle(el).overflowY !== 'visible')
                .map(el => el.scrollHeight + el.getBoundingClientRect().top))"""
    )
    if viewport and height > viewport["height"]:
        page.set_viewport_size(
            {"width": viewport["width"], "height": min(math.ceil(height), 8000)}
        )
    try:
        page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)
    finally:
        if viewport:
            page.set_viewport_size(viewport)


def read_mail(mail_dir, to, contains):
    """The message to ``to`` whose body contains ``contains``, from the file
    backend (one file per connection, messages separated by a dashed line)."""
    deadline = time.monotonic() + MAIL_TIMEOUT
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
            for raw in path.read_text(encoding="utf-8").split("-" * 79):
                if not raw.strip():
                    continue
                message = email.message_from_string(
                    raw.strip() + "\n", policy=email.policy.default
                )
                if to not in str(message["To"]):
                    continue
                body = message.get_body(preferencelist=("plain",)).get_content()
                if contains in body:
                    return message, body
        time.sleep(0.25)
    pytest.fail(f"no e-mail to {to} containing {contains!r} in {mail_dir}")


def record_admin_axe(page, axe_path, screenshot_dir, label):
    """Wagtail's admin is not ours to fix: note its axe findings, don't fail."""
    report = format_violations(label, axe_violations(page, axe_path))
    with (screenshot_dir / "admin-axe.txt").open("a", encoding="utf-8") as out:
        out.write(report + "\n\n")


def admin_login(page, base_url, username):
    """Log ``page`` in to the Wagtail admin as a demo account."""
    visit(page, base_url, "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


# Wagtail's flash messages fade in: axe catches them mid-animation at a lower
# contrast than they end with. They are Wagtail's, not ours.
ADMIN_AXE_EXCLUDE = (".messages",)


def assert_admin_accessible(page, axe_path, screenshot_dir, label):
    """Our own admin screens (the jury's, the results') must have no axe
    violations; the findings are recorded in admin-axe.txt either way."""
    violations = axe_violations(page, axe_path, exclude=ADMIN_AXE_EXCLUDE)
    report = format_violations(label, violations)
    with (screenshot_dir / "admin-axe.txt").open("a", encoding="utf-8") as out:
        out.write(report + "\n\n")
    assert not violations, report
    assert_screen_reader_text_hidden(page, label)


def assert_screen_reader_text_hidden(page, label):
    """Text meant only for screen readers must take no room on screen: every
    element with a screen-reader-only class is a clipped box of at most 1×1
    px. axe cannot see it; a class the page's stylesheet does not define (the
    public ``visually-hidden`` in the admin) leaves the text showing."""
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.w-sr-only, .visually-hidden')]
            .filter((el) => {
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                const clipped = style.clip !== 'auto' || style.clipPath !== 'none';
                return box.width > 1 || box.height > 1 || !clipped;
            })
            .map((el) => el.textContent.trim().slice(0, 60))"""
    )
    assert not shown, f"{label}: screen-reader-only text shows: {shown}"
