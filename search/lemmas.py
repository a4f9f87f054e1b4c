"""Word forms for search: "spółdzielni" and "spółdzielniach" both become "spółdzielnia".

Polish inflects nouns through seven cases, so a visitor's word seldom matches the
page's word letter for letter. Pages index a hidden copy of their text reduced to
dictionary forms (lemmas), and a query is reduced the same way before it is searched.

The lemmatiser is simplemma (pure Python, no compiled parts, maintained, Polish and
English dictionaries in one package) rather than pystempel: Stempel produces stems
("spółdzieln"), which are not words and cannot be shown or checked by an editor, its
Python port is a one-person project without releases since 2021, and it covers only
Polish, while our English pages want the same treatment. simplemma's dictionary
lookup returns real words and falls back to the word itself when it does not know
one, so the worst case is today's exact-word match.

We load the dictionaries through simplemma's StreamDictionaryFactory: the default
factory holds the Polish dictionary as a Python dict of about 400 MB per process;
the stream factory keeps it compressed in about 50 MB and decodes a small block per
lookup (measured: 1.9 s to load on an idle machine, then about 0.2 ms per distinct word,
cached). ``warm_up()`` loads them when a web worker starts.

Every form is also indexed without Polish letters ("spoldzielnia"), because people
typing on a phone often leave them out; PostgreSQL's "simple" configuration, unlike
SQLite's FTS5 tokenizer, does not fold them itself.
"""

import re
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import StreamDictionaryFactory

LANGUAGES = ("pl", "en")
# The same notion of a word on both sides, so an indexed form and a queried form
# are always cut out of the text identically.
WORD = re.compile(r"\w+", re.UNICODE)
_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


@lru_cache(maxsize=1)
def _lemmatizer():
    strategy = DefaultStrategy(dictionary_factory=StreamDictionaryFactory())
    return Lemmatizer(lemmatization_strategy=strategy)


def warm_up():
    """Load the dictionaries now (the WSGI module calls this as a worker boots)."""
    for language in LANGUAGES:
        lemma("a", language)


def language_of(language_code):
    """The lemmatiser's language for a locale's code; Polish when unknown."""
    code = (language_code or "").split("-")[0].lower()
    return code if code in LANGUAGES else LANGUAGES[0]


def lemma(word, language):
    """The dictionary form of one word, lower-case (the word itself if unknown)."""
    word = word.lower()
    if word.isdigit():
        return word
    return _lemmatizer().lemmatize(word, lang=language).lower()


def forms(word, language):
    """Every indexed form of ``word``: itself, its lemma, and both without Polish
    letters. Two words find each other when their forms meet."""
    word = word.lower()
    base = lemma(word, language)
    return {word, base, word.translate(_ASCII), base.translate(_ASCII)}


def words(text):
    return WORD.findall(text or "")


def lemmatised_copy(texts, language):
    """The hidden text a page is indexed with: every form of every word, once."""
    seen = {}
    for text in texts:
        for word in words(text):
            for form in sorted(forms(word, language)):
                seen.setdefault(form, None)
    return " ".join(seen)
