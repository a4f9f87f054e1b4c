"""The demo's drawings, as SVG text: the hero street, portraits, partner wordmarks.

Everything is invented and drawn here from simple shapes (no likeness of anyone,
no real organisation's sign). ``scripts/demo_assets.py`` writes these to
``demo/assets/`` and renders the PNGs that ``seed_demo`` loads.
"""

# ruff: noqa: E501 – SVG markup reads best one element a line.

TEAL = "#0f5c55"
TEAL_DARK = "#083d39"
TINT = "#d9ebe7"
SURFACE = "#f3f7f5"
TERRACOTTA = "#b3470f"
SUN = "#f2b134"
CREAM = "#fdf3e3"


def person(x, ground, skin, hair, top, legs, style="short", carry=""):
    """A standing figure ~250 px tall, feet on ``ground``, centred on ``x``."""
    head_y = ground - 215
    hair_shapes = {
        "short": f'<path d="M{x - 27} {head_y - 2}c0-26 14-36 27-36s28 10 27 36'
        f'c-8-12-18-16-27-16s-19 4-27 16z" fill="{hair}"/>',
        "long": f'<path d="M{x - 30} {head_y + 34}c-6-44 6-72 30-72s36 28 30 72'
        f'c-6-10-6-30-8-44-12-6-30-6-44 0-2 14-2 34-8 44z" fill="{hair}"/>',
        "bun": f'<circle cx="{x}" cy="{head_y - 36}" r="13" fill="{hair}"/>'
        f'<path d="M{x - 27} {head_y - 2}c0-24 12-32 27-32s27 8 27 32'
        f'c-10-10-18-14-27-14s-17 4-27 14z" fill="{hair}"/>',
        "cap": f'<path d="M{x - 28} {head_y - 6}c0-22 12-30 28-30s28 8 28 30z" '
        f'fill="{hair}"/><rect x="{x}" y="{head_y - 10}" width="40" height="7" '
        f'rx="3" fill="{hair}"/>',
    }
    return f"""<g>
  <path d="M{x - 26} {ground}v-78h20v78zM{x + 6} {ground}v-78h20v78z" fill="{legs}"/>
  <path d="M{x - 30} {ground}h26v-8h-26zM{x + 4} {ground}h26v-8h-26z" fill="#2b1d14"/>
  <path d="M{x - 38} {ground - 70}v-80c0-24 16-38 38-38s38 14 38 38v80z" fill="{top}"/>
  <path d="M{x - 38} {ground - 140}l-12 66h14l10-50zM{x + 38} {ground - 140}l12 66h-14l-10-50z" fill="{top}"/>
  <circle cx="{x - 44}" cy="{ground - 68}" r="8" fill="{skin}"/>
  <circle cx="{x + 44}" cy="{ground - 68}" r="8" fill="{skin}"/>
  <rect x="{x - 9}" y="{head_y + 22}" width="18" height="16" fill="{skin}"/>
  <circle cx="{x}" cy="{head_y}" r="26" fill="{skin}"/>
  {hair_shapes[style]}
  <path d="M{x - 8} {head_y + 10}c5 5 11 5 16 0" fill="none" stroke="#5a3825" stroke-width="2.5" stroke-linecap="round"/>
  {carry}
</g>"""


def wheelchair_user(x, ground, skin, hair, top, legs):
    head_y = ground - 165
    return f"""<g>
  <circle cx="{x - 6}" cy="{ground - 46}" r="46" fill="none" stroke="#3d4a48" stroke-width="8"/>
  <circle cx="{x - 6}" cy="{ground - 46}" r="6" fill="#3d4a48"/>
  <circle cx="{x + 58}" cy="{ground - 12}" r="12" fill="none" stroke="#3d4a48" stroke-width="6"/>
  <path d="M{x - 34} {ground - 150}v70h78v44" fill="none" stroke="#3d4a48" stroke-width="8" stroke-linejoin="round"/>
  <path d="M{x - 20} {ground - 84}h62v-24h-62z" fill="{legs}"/>
  <path d="M{x + 26} {ground - 84}h18v62h-18z" fill="{legs}"/>
  <path d="M{x + 26} {ground - 22}h30v-8h-30z" fill="#2b1d14"/>
  <path d="M{x - 32} {ground - 96}v-44c0-22 14-34 32-34s32 12 32 34v44z" fill="{top}"/>
  <path d="M{x + 28} {ground - 140}l30 30-10 10-28-22z" fill="{top}"/>
  <circle cx="{x + 56}" cy="{ground - 104}" r="8" fill="{skin}"/>
  <rect x="{x - 8}" y="{head_y + 20}" width="16" height="14" fill="{skin}"/>
  <circle cx="{x}" cy="{head_y}" r="25" fill="{skin}"/>
  <path d="M{x - 26} {head_y + 26}c-6-40 6-62 26-62s32 22 26 62c-6-8-4-28-6-38-10-6-30-6-40 0-2 10 0 30-6 38z" fill="{hair}"/>
  <path d="M{x - 7} {head_y + 10}c5 5 10 5 14 0" fill="none" stroke="#5a3825" stroke-width="2.5" stroke-linecap="round"/>
</g>"""


def sign(cx, cy, icon, colour):
    return (
        f'<circle cx="{cx}" cy="{cy}" r="40" fill="#fff" stroke="{colour}" '
        f'stroke-width="6"/><g transform="translate({cx - 24} {cy - 24})" '
        f'fill="none" stroke="{colour}" stroke-width="4" stroke-linecap="round" '
        f'stroke-linejoin="round">{icon}</g>'
    )


CUP = '<path d="M6 18h28v12a12 12 0 0 1-12 12h-4a12 12 0 0 1-12-12zM34 22h4a6 6 0 0 1 0 12h-4M14 4v8M22 2v10M30 4v8"/>'
SHIRT = (
    '<path d="M16 6l-12 8 6 10 6-4v24h16v-24l6 4 6-10-12-8c-2 4-6 6-8 6s-6-2-8-6z"/>'
)
HAMMER = '<path d="M8 40l20-20M24 8l16 16-6 6-16-16zM22 6l6-4 10 10"/>'


def awning(x, y, width, colour):
    stripes = "".join(
        f'<path d="M{x + i * 40} {y}h20v44a10 10 0 0 1-20 0z" fill="{colour}"/>'
        f'<path d="M{x + i * 40 + 20} {y}h20v44a10 10 0 0 1-20 0z" fill="#fff"/>'
        for i in range(width // 40)
    )
    return stripes


def washer(cx, cy):
    return (
        f'<rect x="{cx - 46}" y="{cy - 56}" width="92" height="112" rx="8" fill="#fff" '
        f'stroke="#9aa9a6" stroke-width="3"/><circle cx="{cx}" cy="{cy + 8}" r="30" '
        f'fill="#9fd0e8" stroke="#5f6b76" stroke-width="6"/>'
        f'<path d="M{cx - 22} {cy + 16}c10-8 24 8 44 0" fill="none" stroke="#fff" stroke-width="4"/>'
        f'<circle cx="{cx + 30}" cy="{cy - 40}" r="5" fill="{TERRACOTTA}"/>'
    )


def hero():
    """A street of three social enterprises – café, laundry, workshop – with people."""
    ground = 700
    cafe = f"""
  <rect x="30" y="180" width="360" height="{ground - 180}" fill="{TINT}"/>
  <rect x="30" y="170" width="360" height="24" fill="{TEAL_DARK}"/>
  {sign(210, 250, CUP, TEAL)}
  {awning(50, 310, 320, TEAL)}
  <rect x="58" y="380" width="200" height="200" rx="4" fill="#cfe3f3" stroke="#fff" stroke-width="8"/>
  <path d="M80 520h150M100 520v60M210 520v60" stroke="#7a4a24" stroke-width="8"/>
  <path d="M118 500h22v20h-22zM170 500h22v20h-22z" fill="#fff"/>
  <path d="M140 506h6a5 5 0 0 1 0 10h-6" fill="none" stroke="#fff" stroke-width="3"/>
  <circle cx="230" cy="420" r="16" fill="{SUN}" opacity=".7"/>
  <rect x="280" y="400" width="86" height="{ground - 400}" rx="4" fill="{TEAL}"/>
  <circle cx="350" cy="560" r="6" fill="{SUN}"/>"""
    laundry = f"""
  <rect x="420" y="220" width="360" height="{ground - 220}" fill="{CREAM}"/>
  <rect x="420" y="210" width="360" height="24" fill="#7a4a24"/>
  {sign(600, 290, SHIRT, TERRACOTTA)}
  {awning(440, 350, 320, TERRACOTTA)}
  <rect x="446" y="420" width="308" height="180" rx="4" fill="#e8f1f8" stroke="#fff" stroke-width="8"/>
  {washer(510, 512)}{washer(600, 512)}{washer(690, 512)}"""
    workshop = f"""
  <rect x="810" y="160" width="360" height="{ground - 160}" fill="#e6e0d4"/>
  <path d="M800 170l190-60 190 60z" fill="{TEAL_DARK}"/>
  {sign(990, 240, HAMMER, TEAL_DARK)}
  <rect x="840" y="320" width="300" height="{ground - 320}" fill="#4a5553"/>
  <rect x="840" y="320" width="300" height="70" fill="#9aa9a6"/>
  <path d="M840 342h300M840 366h300" stroke="#7d8a88" stroke-width="3"/>
  <rect x="860" y="410" width="260" height="110" fill="#6f7c7a"/>
  <g fill="none" stroke="{SUN}" stroke-width="7" stroke-linecap="round">
    <path d="M890 430v70M920 430l30 30M980 440v50M1020 432h40M1090 430v60"/>
  </g>
  <rect x="860" y="560" width="260" height="16" fill="#b07a4a"/>
  <path d="M876 576v124M1104 576v124" stroke="#b07a4a" stroke-width="12"/>
  <rect x="960" y="530" width="70" height="30" rx="4" fill="{TERRACOTTA}"/>"""
    basket = (
        '<path d="M634 600h70l-8 40h-54z" fill="#b07a4a"/>'
        '<path d="M640 600c6-14 20-18 30-12s22-6 30 12z" fill="#9fd0e8"/>'
    )
    toolbox = (
        f'<rect x="998" y="622" width="64" height="40" rx="4" fill="{TERRACOTTA}"/>'
        + '<path d="M1016 622v-10h28v10" fill="none" stroke="#2b1d14" stroke-width="5"/>'
    )
    people = (
        person(150, ground, "#f1c9a5", "#5a3825", "#fff", "#2b3a55", "bun")
        + wheelchair_user(340, ground, "#8d5a3b", "#1f1610", TERRACOTTA, "#2b3a55")
        + person(580, ground, "#e2b48f", "#c9ced4", TEAL, "#4a5553", "short")
        + person(670, ground, "#6b4430", "#1f1610", SUN, "#2b3a55", "long", basket)
        + person(
            980, ground, "#f1c9a5", TERRACOTTA, "#2e5d8a", "#2b3a55", "cap", toolbox
        )
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <!-- Demo illustration drawn for this site: a street of social enterprises (a café, a laundry, a workshop) and the people who work in and visit them. -->
  <rect width="1200" height="800" fill="{SURFACE}"/>
  <circle cx="1080" cy="90" r="54" fill="{SUN}"/>
  <path d="M0 150c120-30 220-30 320 0s220 30 320 0" fill="none" stroke="#fff" stroke-width="18" stroke-linecap="round"/>
  {cafe}{laundry}{workshop}
  <rect x="0" y="{ground}" width="1200" height="{800 - ground}" fill="#c5d3cf"/>
  <path d="M0 {ground}h1200" stroke="#9aa9a6" stroke-width="6"/>
  <path d="M40 760h120M260 760h120M480 760h120M700 760h120M920 760h120" stroke="#fff" stroke-width="8" stroke-linecap="round"/>
  {people}
</svg>
"""


# name -> skin, hair colour, hair style, clothes, background, extras
PORTRAITS = {
    "joanna-wierzbicka": ("#f1c9a5", "#7a4a24", "long", TEAL, "#fbe3a8", ""),
    "krzysztof-zalewski": (
        "#e2b48f",
        "#9aa0a6",
        "short",
        "#2e7d32",
        TINT,
        "glasses beard",
    ),
    "beata-lis": ("#8d5a3b", "#1f1610", "bun", TERRACOTTA, "#f6d7c3", "earrings"),
}


def portrait(skin, hair, style, clothes, background, extras):
    """Head and shoulders, drawn: an illustration, not anyone's likeness."""
    hair_back = {
        "long": f'<path d="M150 250c-20-110 20-170 90-170s110 60 90 170l-10 90H160z" fill="{hair}"/>',
        "short": "",
        "bun": f'<circle cx="240" cy="92" r="34" fill="{hair}"/>',
    }[style]
    hair_front = {
        "long": f'<path d="M166 200c0-70 30-100 74-100s74 30 74 100c-20-40-50-56-74-58-30 4-56 24-74 58z" fill="{hair}"/>',
        "short": f'<path d="M170 196c-4-60 26-90 70-90s76 30 70 90c-12-30-36-44-70-46-32 2-56 16-70 46z" fill="{hair}"/>',
        "bun": f'<path d="M168 200c0-62 32-90 72-90s72 28 72 90c-16-34-44-50-72-50s-56 16-72 50z" fill="{hair}"/>',
    }[style]
    extra = beard = ""
    if "glasses" in extras:
        extra += (
            '<g fill="none" stroke="#2b1d14" stroke-width="5"><circle cx="212" cy="214" r="20"/>'
            '<circle cx="268" cy="214" r="20"/><path d="M232 214h16"/></g>'
        )
    if "beard" in extras:
        beard = f'<path d="M182 240c6 46 30 62 58 62s52-16 58-62c-14 22-34 28-58 28s-44-6-58-28z" fill="{hair}"/>'
    if "earrings" in extras:
        extra += f'<circle cx="170" cy="250" r="7" fill="{SUN}"/><circle cx="310" cy="250" r="7" fill="{SUN}"/>'
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">
  <!-- Demo portrait illustration drawn for this site: an invented person, no likeness of anyone. -->
  <rect width="480" height="480" fill="{background}"/>
  <circle cx="240" cy="230" r="190" fill="#fff" opacity=".45"/>
  {hair_back}
  <path d="M70 480c0-100 70-150 170-150s170 50 170 150z" fill="{clothes}"/>
  <path d="M204 330l36 52 36-52z" fill="#fff"/>
  <rect x="214" y="270" width="52" height="66" rx="14" fill="{skin}"/>
  <ellipse cx="240" cy="214" rx="74" ry="88" fill="{skin}"/>
  <circle cx="166" cy="226" r="14" fill="{skin}"/><circle cx="314" cy="226" r="14" fill="{skin}"/>
  {hair_front}
  {beard}
  <circle cx="212" cy="214" r="7" fill="#2b1d14"/><circle cx="268" cy="214" r="7" fill="#2b1d14"/>
  <path d="M196 188q16-10 32 0M252 188q16-10 32 0" fill="none" stroke="{hair}" stroke-width="6" stroke-linecap="round"/>
  <path d="M240 222v22h-8" fill="none" stroke="#7a4a24" stroke-width="4" stroke-linecap="round" opacity=".5"/>
  <path d="M214 262q26 22 52 0" fill="none" stroke="#8a3a2a" stroke-width="6" stroke-linecap="round"/>
  {extra}
</svg>
"""


# slug -> (lines of text: (text, size, bold), colour, symbol paths in a 96x96 box)
WORDMARKS = {
    "fundacja-wspolny-stol": (
        [("Fundacja", 30, False), ("Wspólny", 56, True), ("Stół", 56, True)],
        "#5b1a87",
        '<circle cx="48" cy="48" r="24"/><circle cx="48" cy="10" r="8"/>'
        '<circle cx="48" cy="86" r="8"/><circle cx="10" cy="48" r="8"/>'
        '<circle cx="86" cy="48" r="8"/>',
    ),
    "owes-mazowsze-polnoc": (
        [
            ("OWES", 72, True),
            ("Mazowsze Północ", 34, True),
            ("Ośrodek Wsparcia", 22, False),
        ],
        "#006d77",
        '<path d="M48 6l26 84-26-18-26 18z"/>',
    ),
    "zielony-zakatek": (
        [
            ("Spółdzielnia Socjalna", 26, False),
            ("Zielony", 56, True),
            ("Zakątek", 56, True),
        ],
        "#2e6b30",
        '<path d="M14 86C10 40 40 10 88 8c0 48-26 80-74 78z"/>'
        '<path d="M14 86L62 36" stroke="#fff" stroke-width="6" fill="none"/>',
    ),
}


def wordmark(lines, colour, symbol):
    """A partner's text wordmark, made for the demo (an invented organisation)."""
    text, y = [], 28
    for line, size, bold in lines:
        y += round(size * 1.08)
        weight = ' font-weight="700"' if bold else ""
        fill = colour if bold else "#4a5553"
        text.append(
            f'<text x="150" y="{y}" font-family="Atkinson Hyperlegible, sans-serif"'
            f'{weight} font-size="{size}" fill="{fill}">{line}</text>'
        )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">
  <!-- Demo wordmark of an invented organisation, made for this site. -->
  <rect width="480" height="240" fill="#fff"/>
  <g transform="translate(14 60) scale(1.25)" fill="{colour}">{symbol}</g>
  {"".join(text)}
</svg>
"""
