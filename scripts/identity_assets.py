"""Build the site's identity files in static/ from npm packages and our own SVGs.

    npm ci && .venv/bin/python scripts/identity_assets.py

- copies the Atkinson Hyperlegible woff2 files (latin + latin-ext, 400 and 700)
  and their licence from @fontsource/atkinson-hyperlegible to static/fonts/;
- builds static/icons/sprite.svg from the Lucide icons named in ICONS
  (lucide-static), with Lucide's licence;
- renders the PNG icons, favicon.ico and the default sharing image
  (static/img/og-default.png, 1200x630) from static/img/symbol.svg and the
  fonts above with Debian's chromium (Playwright) and Pillow.

The outputs are committed, so neither `make demo` nor the Docker image needs
node or a browser; run this again only after changing an input.
"""

import base64
import io
import re
import shutil
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
NODE = ROOT / "node_modules"
CHROMIUM = "/usr/bin/chromium"

FONT_PACKAGE = NODE / "@fontsource" / "atkinson-hyperlegible"
FONT_FILES = [
    f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2"
    for subset in ("latin", "latin-ext")
    for weight in (400, 700)
]

# Every icon the templates use, and nothing else.
ICONS = [
    "menu",
    "x",
    "search",
    "mail",
    "phone",
    "map-pin",
    "arrow-right",
    "external-link",
]


def _base64(path):
    return base64.b64encode(path.read_bytes()).decode("ascii")


SYMBOL = (STATIC / "img" / "symbol.svg").read_text(encoding="utf-8")

FONT_FACES = "\n".join(
    f"""@font-face {{ font-family: 'Atkinson Hyperlegible'; font-weight: {weight};
        src: url(data:font/woff2;base64,{_base64(FONT_PACKAGE / "files" / name)}); }}"""
    for name, weight in (
        (f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2", weight)
        for subset in ("latin", "latin-ext")
        for weight in (400, 700)
    )
)

# The sharing image: the symbol, the campaign's name and who runs it.
SHARING_CARD = f"""<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><style>
{FONT_FACES}
html, body {{ margin: 0; }}
body {{ width: 1200px; height: 630px; overflow: hidden;
    background: #083d39; color: #fff;
    font-family: 'Atkinson Hyperlegible', sans-serif; position: relative; }}
.band {{ position: absolute; left: 0; right: 0; bottom: 0; height: 18px;
    background: #f2b134; }}
.ring {{ position: absolute; right: -140px; top: -120px; width: 620px; height: 620px;
    border-radius: 50%; border: 70px solid #0f5c55; box-sizing: border-box; }}
.mark {{ position: absolute; left: 88px; top: 84px; width: 132px; height: 132px; }}
.mark svg {{ width: 100%; height: 100%; }}
h1 {{ position: absolute; left: 88px; top: 250px; margin: 0;
    font-size: 92px; line-height: 1.02;
    font-weight: 700; letter-spacing: -1px; }}
h1 span {{ color: #f2b134; }}
p {{ position: absolute; left: 88px; bottom: 64px; margin: 0;
    font-size: 30px; color: #d9ebe7; }}
</style></head><body>
<div class="ring"></div>
<div class="mark">{SYMBOL}</div>
<h1>Ekonomia społeczna<br><span>nie wyklucza</span></h1>
<p>Kampania Mazowieckiego Centrum Polityki Społecznej</p>
<div class="band"></div>
</body></html>"""

# An icon on a full square (launchers and iOS round the corners themselves).
FULL_BLEED = f"""<!DOCTYPE html><html><head><style>
html, body {{ margin: 0; background: #0f5c55; }}
svg {{ display: block; width: 100vw; height: 100vh; }}
</style></head><body>{SYMBOL.replace('rx="14"', 'rx="0"')}</body></html>"""

ROUNDED = f"""<!DOCTYPE html><html><head><style>
html, body {{ margin: 0; background: transparent; }}
svg {{ display: block; width: 100vw; height: 100vh; }}
</style></head><body>{SYMBOL}</body></html>"""


def copy_fonts():
    target = STATIC / "fonts"
    target.mkdir(exist_ok=True)
    for name in FONT_FILES:
        shutil.copyfile(FONT_PACKAGE / "files" / name, target / name)
    shutil.copyfile(FONT_PACKAGE / "LICENSE", target / "LICENSE-OFL.txt")


def build_sprite():
    package = NODE / "lucide-static"
    symbols = []
    for name in ICONS:
        svg = (package / "icons" / f"{name}.svg").read_text(encoding="utf-8")
        body = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1)
        shapes = " ".join(line.strip() for line in body.splitlines() if line.strip())
        symbols.append(f'  <symbol id="{name}" viewBox="0 0 24 24">{shapes}</symbol>')
    version = re.search(r'"version": "([^"]+)"', (package / "package.json").read_text())
    sprite = (
        f"<!-- Lucide icons (lucide-static {version.group(1)}, ISC licence: "
        "LICENSE-lucide.txt) -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">\n'
        + "\n".join(symbols)
        + "\n</svg>\n"
    )
    target = STATIC / "icons"
    target.mkdir(exist_ok=True)
    (target / "sprite.svg").write_text(sprite, encoding="utf-8")
    shutil.copyfile(package / "LICENSE", target / "LICENSE-lucide.txt")


def render(browser, html, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_content(html, wait_until="load")
    page.evaluate("document.fonts.ready")
    png = page.screenshot(omit_background=True)
    page.close()
    return Image.open(io.BytesIO(png))


def save_png(image, path):
    image.save(path, optimize=True)


def render_images():
    icons = STATIC / "icons"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        try:
            card = render(browser, SHARING_CARD, 1200, 630).convert("RGB")
            save_png(card.quantize(64), STATIC / "img" / "og-default.png")
            for size, name in ((192, "icon-192.png"), (512, "icon-512.png")):
                save_png(render(browser, ROUNDED, size, size), icons / name)
            save_png(
                render(browser, FULL_BLEED, 180, 180).convert("RGB"),
                icons / "apple-touch-icon.png",
            )
            big = render(browser, ROUNDED, 256, 256)
        finally:
            browser.close()
    big.save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    copy_fonts()
    build_sprite()
    render_images()
    for path in sorted(STATIC.glob("**/*")):
        if path.suffix in {".png", ".ico", ".woff2"} or path.name == "sprite.svg":
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
