"""Key pages at desktop and phone widths: screenshots, <html lang>, axe WCAG 2.1 AA."""

import pytest

from .support import PAGES, VIEWPORTS, axe_violations, format_violations, visit

pytestmark = pytest.mark.e2e


def test_axe_harness_reports_violations(new_page, axe_path):
    """Guards against a silently green suite: axe must see a known failure."""
    page = new_page()
    page.set_content(
        "<!DOCTYPE html><html><head><title>t</title></head>"
        '<body><main><img src="data:,"></main></body></html>'
    )
    ids = {v["id"] for v in axe_violations(page, axe_path)}
    assert {"html-has-lang", "image-alt"} <= ids, ids


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible(
    name, viewport, live_site, new_page, axe_path, screenshot_dir
):
    path, language = PAGES[name]
    page = new_page(*VIEWPORTS[viewport])
    visit(page, live_site, path)

    page.screenshot(path=str(screenshot_dir / f"{name}-{viewport}.png"), full_page=True)

    assert page.get_attribute("html", "lang") == language
    violations = axe_violations(page, axe_path)
    assert not violations, format_violations(f"{name} ({viewport}) {path}", violations)
