"""The demo's PDF documents as HTML for WeasyPrint (see scripts/demo_assets.py).

Demo texts: modelled on the rules of the real competition, but not its binding
version; the cover says so.
"""

# ruff: noqa: E501 – HTML documents: one paragraph a line.

from pathlib import Path

FONTS = Path(__file__).resolve().parents[1] / "static" / "fonts"

STYLE = f"""
@font-face {{ font-family: Atkinson; font-weight: 400;
  src: url('{(FONTS / "atkinson-hyperlegible-latin-ext-400-normal.woff2").as_uri()}'); }}
@font-face {{ font-family: Atkinson; font-weight: 700;
  src: url('{(FONTS / "atkinson-hyperlegible-latin-ext-700-normal.woff2").as_uri()}'); }}
@font-face {{ font-family: AtkinsonLatin; font-weight: 400;
  src: url('{(FONTS / "atkinson-hyperlegible-latin-400-normal.woff2").as_uri()}'); }}
@font-face {{ font-family: AtkinsonLatin; font-weight: 700;
  src: url('{(FONTS / "atkinson-hyperlegible-latin-700-normal.woff2").as_uri()}'); }}
html {{ font-family: AtkinsonLatin, Atkinson, sans-serif; color: #17211f; }}
h1, h2, h3 {{ color: #083d39; line-height: 1.15; }}
a {{ color: #0f5c55; }}
.band {{ border-top: 10px solid #f2b134; padding-top: 6mm; }}
.accent {{ color: #b3470f; }}
"""

RULES = f"""<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8">
<title>Regulamin konkursu „Mazowiecka Marka Ekonomii Społecznej” 2027</title>
<meta name="author" content="Mazowieckie Centrum Polityki Społecznej">
<meta name="description" content="Dokument demonstracyjny serwisu kampanii">
<style>{STYLE}
@page {{ size: A4; margin: 22mm 20mm 24mm;
  @bottom-center {{ content: "Regulamin konkursu MMES 2027 – strona " counter(page) " z " counter(pages);
    font-family: AtkinsonLatin, Atkinson, sans-serif; font-size: 9pt; color: #4a5553; }} }}
@page :first {{ @bottom-center {{ content: none; }} }}
body {{ font-size: 11pt; line-height: 1.5; }}
.cover {{ page-break-after: always; padding-top: 40mm; }}
.cover h1 {{ font-size: 30pt; margin: 8mm 0; }}
.cover p {{ font-size: 13pt; }}
.note {{ margin-top: 60mm; padding: 5mm; background: #f3f7f5; font-size: 10pt; }}
h2 {{ font-size: 14pt; margin: 7mm 0 2mm; text-align: center; }}
ol {{ padding-left: 7mm; }} li {{ margin-bottom: 1.5mm; }}
table {{ border-collapse: collapse; width: 100%; font-size: 10pt; }}
th, td {{ border: 1px solid #c5d3cf; padding: 2mm; text-align: left; vertical-align: top; }}
th {{ background: #d9ebe7; }}
</style></head><body>
<section class="cover band">
<p>Mazowieckie Centrum Polityki Społecznej</p>
<h1>Regulamin konkursu<br><span class="accent">„Mazowiecka Marka Ekonomii Społecznej”</span><br>edycja 2027</h1>
<p>Samorząd Województwa Mazowieckiego</p>
<p class="note">Dokument demonstracyjny serwisu kampanii „Ekonomia społeczna nie wyklucza”.
Wzorowany na regulaminach konkursu z lat 2019–2025; wiążący jest regulamin
opublikowany przez MCPS w Biuletynie Informacji Publicznej.</p>
</section>

<h2>§ 1. Postanowienia ogólne</h2>
<ol>
<li>Regulamin określa zasady konkursu „Mazowiecka Marka Ekonomii Społecznej”, zwanego dalej „Konkursem”.</li>
<li>Organizatorem Konkursu jest Mazowieckie Centrum Polityki Społecznej, ul. Grzybowska 80/82, 00-844 Warszawa, zwane dalej „Organizatorem”.</li>
<li>Konkurs jest realizowany w ramach Wieloletniego Regionalnego Planu Rozwoju Ekonomii Społecznej w Województwie Mazowieckim.</li>
<li>Udział w Konkursie jest bezpłatny.</li>
</ol>

<h2>§ 2. Cel Konkursu</h2>
<ol>
<li>Celem Konkursu jest promowanie podmiotów ekonomii społecznej, które łączą działalność gospodarczą lub odpłatną działalność pożytku publicznego z reintegracją społeczną i zawodową osób zagrożonych wykluczeniem.</li>
<li>Konkurs wyróżnia także osoby i instytucje, które wspierają rozwój ekonomii społecznej na Mazowszu.</li>
</ol>

<h2>§ 3. Uczestnicy</h2>
<ol>
<li>W Konkursie mogą brać udział podmioty ekonomii społecznej w rozumieniu ustawy z dnia 5 sierpnia 2022 r. o ekonomii społecznej, mające siedzibę na terenie województwa mazowieckiego i działające co najmniej rok przed dniem złożenia zgłoszenia.</li>
<li>W kategorii „Osobowość” zgłaszane są osoby fizyczne, za ich zgodą.</li>
<li>W kategorii „Super Marka” mogą brać udział wyłącznie dotychczasowi laureaci Konkursu.</li>
<li>W Konkursie nie mogą brać udziału członkowie Kapituły ani osoby z nimi spokrewnione.</li>
</ol>

<h2>§ 4. Kategorie</h2>
<table>
<thead><tr><th scope="col">Kategoria</th><th scope="col">Dla kogo</th></tr></thead>
<tbody>
<tr><td>Rozwój</td><td>organizacje dynamicznie rozwijające działalność społeczną</td></tr>
<tr><td>Reintegracja</td><td>za działania na rzecz aktywizacji społecznej i zawodowej</td></tr>
<tr><td>Odpowiedzialność</td><td>podmioty realizujące wartości społecznej odpowiedzialności biznesu</td></tr>
<tr><td>Osobowość</td><td>osoby, które swoją pracą i pasją przyczyniają się do rozwoju ekonomii społecznej</td></tr>
<tr><td>Odkrycie</td><td>nowatorskie inicjatywy, które wnoszą świeże spojrzenie na sektor</td></tr>
<tr><td>Super Marka</td><td>dotychczasowi laureaci wyróżniający się na tle województwa; jedyna kategoria z nagrodą pieniężną</td></tr>
</tbody>
</table>

<h2>§ 5. Zgłoszenia</h2>
<ol>
<li>Zgłoszenia przyjmowane są wyłącznie przez formularz w serwisie kampanii, w terminie podanym na stronie edycji.</li>
<li>Jeden podmiot może złożyć jedno zgłoszenie w każdej kategorii.</li>
<li>Do zgłoszenia dołącza się: opis działalności, odpowiedzi na pytania konkursowe w danej kategorii oraz – nieobowiązkowo – zdjęcia i materiały promocyjne.</li>
<li>Zgłoszenie złożone po terminie lub niekompletne, po bezskutecznym wezwaniu do uzupełnienia w terminie 7 dni, pozostaje bez rozpatrzenia.</li>
<li>Organizator potwierdza przyjęcie zgłoszenia wiadomością e-mail.</li>
</ol>

<h2>§ 6. Kapituła</h2>
<ol>
<li>Zgłoszenia ocenia Kapituła powołana przez Dyrektora Organizatora, złożona z przedstawicieli Organizatora, Samorządu Województwa Mazowieckiego, ośrodków wsparcia ekonomii społecznej oraz laureatów poprzednich edycji.</li>
<li>Członek Kapituły składa oświadczenie o bezstronności i nie ocenia zgłoszeń, wobec których zachodzi konflikt interesów.</li>
<li>Kapituła może przeprowadzić wizytę w siedzibie podmiotu lub rozmowę z jego przedstawicielami.</li>
</ol>

<h2>§ 7. Ocena</h2>
<ol>
<li>Każde zgłoszenie ocenia co najmniej trzech członków Kapituły, w skali od 0 do 10 punktów za każde kryterium danej kategorii.</li>
<li>Kryteria i ich wagi są opublikowane na stronie edycji przed rozpoczęciem naboru.</li>
<li>O kolejności decyduje średnia ważona ocen. Przy równej liczbie punktów rozstrzyga głos przewodniczącego Kapituły.</li>
<li>Kapituła może nie przyznać tytułu w danej kategorii albo przyznać wyróżnienie.</li>
</ol>

<h2>§ 8. Nagrody</h2>
<ol>
<li>Laureaci otrzymują tytuł „Mazowiecka Marka Ekonomii Społecznej” i prawo oznaczania swoich produktów i usług znakiem Marki przez rok od ogłoszenia wyników.</li>
<li>Laureaci są promowani w serwisie Organizatora i w corocznym „Przewodniku MMES”.</li>
<li>Laureat kategorii „Super Marka” otrzymuje nagrodę pieniężną; jej wysokość podaje strona edycji.</li>
</ol>

<h2>§ 9. Ogłoszenie wyników</h2>
<ol>
<li>Wyniki ogłaszane są podczas gali Konkursu i publikowane w serwisie kampanii.</li>
<li>Wizerunek laureatów publikowany jest wyłącznie za ich zgodą.</li>
<li>Od rozstrzygnięcia Kapituły nie przysługuje odwołanie.</li>
</ol>

<h2>§ 10. Dane osobowe</h2>
<ol>
<li>Administratorem danych osobowych uczestników jest Organizator. Kontakt z inspektorem ochrony danych: iod@mcps.com.pl.</li>
<li>Dane przetwarzane są w celu przeprowadzenia Konkursu i promocji laureatów; szczegóły zawiera klauzula informacyjna dostępna przy formularzu zgłoszenia.</li>
</ol>

<h2>§ 11. Dostępność</h2>
<ol>
<li>Na prośbę uczestnika Organizator przyjmie zgłoszenie w innej formie (np. ustnie do protokołu, w polskim języku migowym) i zapewni tłumacza PJM podczas gali.</li>
<li>Kontakt w sprawie dostępności: tel. 22 376 85 00, e-mail mcps@mcps.com.pl.</li>
</ol>

<h2>§ 12. Postanowienia końcowe</h2>
<ol>
<li>Organizator może zmienić Regulamin z ważnych przyczyn; zmiany publikuje w serwisie kampanii i nie stosuje ich do zgłoszeń już złożonych, jeżeli pogarszałyby sytuację uczestników.</li>
<li>W sprawach nieuregulowanych decyduje Organizator.</li>
<li>Regulamin wchodzi w życie z dniem ogłoszenia naboru.</li>
</ol>
</body></html>
"""

LEAFLET = f"""<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8">
<title>Ekonomia społeczna nie wyklucza – ulotka kampanii</title>
<meta name="author" content="Mazowieckie Centrum Polityki Społecznej">
<style>{STYLE}
@page {{ size: A5; margin: 14mm; }}
body {{ font-size: 11.5pt; line-height: 1.45; }}
section {{ page-break-after: always; }}
section:last-child {{ page-break-after: auto; }}
.cover {{ background: #083d39; color: #fff; margin: -14mm; padding: 24mm 14mm; height: 210mm; }}
.cover h1 {{ color: #fff; font-size: 34pt; margin: 10mm 0 6mm; }}
.cover h1 span {{ color: #f2b134; }}
.cover p {{ font-size: 14pt; }}
.cover img {{ width: 100%; margin-top: 8mm; border-radius: 3mm; }}
h2 {{ font-size: 17pt; }}
img.scene {{ width: 100%; border-radius: 3mm; margin: 3mm 0; }}
.fact {{ border-left: 6px solid #f2b134; padding-left: 4mm; margin: 4mm 0; }}
.fact strong {{ display: block; font-size: 20pt; color: #b3470f; }}
</style></head><body>
<section class="cover">
<p>Mazowieckie Centrum Polityki Społecznej</p>
<h1>Ekonomia społeczna <span>nie wyklucza</span></h1>
<p>Praca, która daje miejsce we wspólnocie</p>
<img src="demo/assets/hero-ulica.png" alt="Ilustracja: ulica z kawiarnią, pralnią i warsztatem prowadzonymi przez firmy społeczne, przed nimi pracownicy i klienci">
</section>

<section>
<h2>Czym jest ekonomia społeczna?</h2>
<p>To przedsiębiorczość, w której zysk nie jest celem samym w sobie. Spółdzielnie
socjalne, centra integracji społecznej, fundacje i stowarzyszenia prowadzą
kawiarnie, pralnie, warsztaty, ogrody i catering – a to, co zarobią, przeznaczają
na zatrudnienie i wsparcie osób zagrożonych wykluczeniem.</p>
<img class="scene" src="demo/assets/scena-cafe.png" alt="Ilustracja: kawiarnia spółdzielni socjalnej, baristka przy ekspresie">
<div class="fact"><strong>setki</strong> podmiotów ekonomii społecznej działa na Mazowszu</div>
</section>

<section>
<h2>Kto tu pracuje?</h2>
<p>Osoby z niepełnosprawnościami, osoby długo bezrobotne, wychodzące z kryzysu
bezdomności lub uzależnienia. W firmie społecznej liczy się to, co umieją –
i to, że razem dowożą zamówienia na czas.</p>
<p><em>„Przez sześć lat nikt nie chciał mnie zatrudnić. W spółdzielni nauczyłam się
gotować dla stu osób, a dziś sama szkolę nowe koleżanki.”</em><br>– Pani Teresa,
kucharka w spółdzielni socjalnej pod Radomiem</p>
<img class="scene" src="demo/assets/scena-laundry.png" alt="Ilustracja: pralnia prowadzona przez fundację">
</section>

<section>
<h2>Jak możesz pomóc?</h2>
<ul>
<li>Kupuj produkty i usługi firm społecznych – obiad, pranie, remont, catering.</li>
<li>Jeśli pracujesz w urzędzie: stosuj klauzule społeczne w zamówieniach publicznych.</li>
<li>Zgłoś podmiot, który znasz, do konkursu „Mazowiecka Marka Ekonomii Społecznej”.</li>
</ul>
<div class="fact"><strong>22 376 85 00</strong> Wydział Ekonomii Społecznej MCPS,
ul. Grzybowska 80/82, 00-844 Warszawa, mcps@mcps.com.pl</div>
<p>#EkonomiaSpołecznaNieWyklucza #MazowszeES</p>
<p style="font-size: 9pt; color: #4a5553">Dokument demonstracyjny serwisu kampanii.</p>
</section>
</body></html>
"""

DOCUMENTS = {
    "regulamin-mmes-2027": RULES,
    "ulotka-ekonomia-spoleczna-nie-wyklucza": LEAFLET,
}
