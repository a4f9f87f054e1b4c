"""Build the demo's pictures and PDF documents into demo/assets/.

    .venv/bin/python scripts/demo_assets.py

- writes the drawings of ``scripts/demo_art.py`` as SVG (hero street scene,
  ambassadors' portraits, partners' wordmarks) and renders each to PNG with
  Debian's chromium (Playwright), together with the workplace scenes of
  ``static/img/scenes/`` used as pictures of demo news and events;
- typesets the competition rules (A4, several pages) and the campaign leaflet
  (A5, four pages) with WeasyPrint, in Atkinson Hyperlegible, as tagged PDF/UA.

The outputs are committed: ``seed_demo`` only reads them, so neither
``make demo`` nor the Docker image needs a browser or WeasyPrint. Run this again
only after changing a drawing or a document (needs ``requirements-dev.txt``).
"""

import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_art  # noqa: E402
import demo_documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
OUT = ROOT / "demo" / "assets"
CHROMIUM = "/usr/bin/chromium"
SCENES = ("cafe", "laundry", "workshop", "garden")

FONT_FACES = "\n".join(
    f"@font-face {{ font-family: 'Atkinson Hyperlegible'; font-weight: {weight}; "
    f"src: url('{(STATIC / 'fonts' / name).as_uri()}'); }}"
    for name, weight in (
        (f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2", weight)
        for subset in ("latin", "latin-ext")
        for weight in (400, 700)
    )
)


def drawings():
    """name -> SVG text of every picture the demo loads."""
    result = {"hero-ulica": demo_art.hero()}
    for name, spec in demo_art.PORTRAITS.items():
        result[f"portret-{name}"] = demo_art.portrait(*spec)
    for name, spec in demo_art.WORDMARKS.items():
        result[f"logo-{name}"] = demo_art.wordmark(*spec)
    return result


def render(browser, svg, scale=1):
    width = int(svg.split('width="', 1)[1].split('"', 1)[0])
    height = int(svg.split('height="', 1)[1].split('"', 1)[0])
    page = browser.new_page(
        viewport={"width": width, "height": height}, device_scale_factor=scale
    )
    html = (
        f"<!DOCTYPE html><html><head><style>{FONT_FACES} html, body {{ margin: 0; }}"
        f" svg {{ display: block; }}</style></head><body>{svg}</body></html>"
    )
    # A file URL, so the page may load the fonts from static/fonts.
    source = OUT / "_render.html"
    source.write_text(html, encoding="utf-8")
    page.goto(source.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready")
    png = page.screenshot()
    page.close()
    source.unlink()
    return Image.open(io.BytesIO(png)).convert("RGB")


def save_png(image, path):
    # Flat drawings: a 128-colour palette keeps them small without visible loss.
    image.quantize(128).save(path, optimize=True)


def render_pictures():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--allow-file-access-from-files"],
        )
        try:
            for name, svg in drawings().items():
                (OUT / f"{name}.svg").write_text(svg, encoding="utf-8")
                save_png(render(browser, svg), OUT / f"{name}.png")
            for name in SCENES:
                svg = (STATIC / "img" / "scenes" / f"{name}.svg").read_text()
                save_png(render(browser, svg, scale=3), OUT / f"scena-{name}.png")
        finally:
            browser.close()


def write_documents():
    from weasyprint import HTML

    for name, html in demo_documents.DOCUMENTS.items():
        HTML(string=html, base_url=str(ROOT)).write_pdf(
            OUT / f"{name}.pdf", pdf_variant="pdf/ua-1"
        )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    render_pictures()
    write_documents()
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
