"""StreamField blocks shared by every content page (one BaseStreamBlock)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]


class CrossFieldStructBlock(blocks.StructBlock):
    """A StructBlock whose rules span several fields (reported with field errors)."""

    def cross_field_errors(self, value):
        return {}

    def clean(self, value):
        errors = {
            name: ValidationError(message)
            for name, message in self.cross_field_errors(value).items()
        }
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            raise StructBlockValidationError(
                block_errors={**errors, **(error.block_errors or {})}
            ) from error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst nagłówka"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Poziom"),
        choices=[
            ("h2", _("Nagłówek 2")),
            ("h3", _("Nagłówek 3")),
            ("h4", _("Nagłówek 4")),
        ],
        default="h2",
        help_text=_("Zachowaj kolejność: pod nagłówkiem 2 używaj nagłówka 3."),
        # The level's label ("Nagłówek 2") is not the page's text: keep it out of
        # the search index and the result snippets.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Nagłówek")
        template = "blocks/heading_block.html"
        description = _("Śródtytuł sekcji strony.")
        preview_value = {"text": "Ekonomia społeczna nie wyklucza", "level": "h2"}


class ImageBlock(CrossFieldStructBlock):
    image = ImageChooserBlock(label=_("Obraz"))
    alt_text = blocks.CharBlock(
        label=_("Tekst alternatywny"),
        required=False,
        max_length=250,
        help_text=_(
            "Opisz, co widać i co to znaczy dla czytelnika. Zostaw puste tylko dla "
            "obrazu czysto dekoracyjnego i zaznacz wtedy pole poniżej."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Obraz dekoracyjny (bez opisu dla czytników ekranu)"), required=False
    )
    caption = blocks.CharBlock(label=_("Podpis"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Autor / źródło"), required=False)

    def cross_field_errors(self, value):
        if not value.get("alt_text") and not value.get("decorative"):
            return {
                "alt_text": _(
                    "Podaj tekst alternatywny albo oznacz obraz jako dekoracyjny."
                )
            }
        return {}

    class Meta:
        icon = "image"
        label = _("Obraz")
        template = "blocks/image_block.html"
        description = _("Zdjęcie lub grafika z tekstem alternatywnym i podpisem.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Cytat"))
    author = blocks.CharBlock(label=_("Autor"), required=False, max_length=200)
    role = blocks.CharBlock(label=_("Funkcja / organizacja"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Cytat")
        template = "blocks/quote_block.html"
        description = _("Wyróżniona wypowiedź z podpisem autora.")
        preview_value = {
            "text": "Praca w spółdzielni socjalnej dała mi nowy start.",
            "author": "Anna",
            "role": "spółdzielnia socjalna z Radomia",
        }


class CallToActionBlock(CrossFieldStructBlock):
    title = blocks.CharBlock(label=_("Tytuł"), max_length=200)
    text = blocks.TextBlock(label=_("Opis"), required=False)
    button_text = blocks.CharBlock(label=_("Tekst przycisku"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Strona w serwisie"), required=False)
    url = blocks.URLBlock(label=_("lub adres zewnętrzny"), required=False)

    def cross_field_errors(self, value):
        if bool(value.get("page")) == bool(value.get("url")):
            return {
                "url": _("Wybierz stronę w serwisie albo podaj adres – jedno z dwóch.")
            }
        return {}

    class Meta:
        icon = "pick"
        label = _("Wezwanie do działania")
        template = "blocks/call_to_action_block.html"
        description = _("Ramka z tytułem, krótkim opisem i przyciskiem.")
        preview_value = {
            "title": "Zgłoś się do konkursu",
            "text": "Nabór trwa do końca miesiąca.",
            "button_text": "Przejdź do formularza",
            "url": "https://example.org/",
        }


class VideoBlock(CrossFieldStructBlock):
    embed = EmbedBlock(
        label=_("Adres filmu"),
        help_text=_("Np. adres filmu w serwisie YouTube lub Vimeo."),
    )
    title = blocks.CharBlock(label=_("Tytuł filmu"), max_length=200)
    has_captions = blocks.BooleanBlock(
        label=_("Film ma napisy (napisy rozszerzone dla osób głuchych)"), required=False
    )
    transcript = blocks.RichTextBlock(
        label=_("Transkrypcja"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Wymagana, jeśli film nie ma napisów (WCAG 1.2)."),
    )

    def cross_field_errors(self, value):
        transcript = value.get("transcript")
        if not value.get("has_captions") and not (transcript and str(transcript)):
            return {
                "transcript": _("Dodaj transkrypcję albo zaznacz, że film ma napisy.")
            }
        return {}

    class Meta:
        icon = "media"
        label = _("Film")
        template = "blocks/video_block.html"
        description = _("Film z serwisu wideo z napisami lub transkrypcją.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Tytuł linku"),
        required=False,
        help_text=_("Puste = tytuł dokumentu. Rozmiar i format dodamy sami."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument do pobrania")
        template = "blocks/document_link_block.html"
        description = _(
            "Link do pliku z biblioteki dokumentów, z formatem i rozmiarem."
        )


class EasyToReadBlock(CrossFieldStructBlock):
    """A text in easy-to-read language (tekst łatwy do czytania, ETR)."""

    title = blocks.CharBlock(label=_("Tytuł"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("Tekst łatwy do czytania"),
        features=["bold", "ul", "link"],
        help_text=_(
            "Krótkie zdania, proste słowa, jedna myśl w jednym zdaniu. Napisz, czym "
            "zajmuje się MCPS, co jest w serwisie i jak się z nami skontaktować."
        ),
    )
    pictogram = ImageChooserBlock(
        label=_("Piktogram ETR"),
        required=False,
        help_text=_("Znak tekstu łatwego do czytania (nieobowiązkowy)."),
    )
    pictogram_alt = blocks.CharBlock(
        label=_("Tekst alternatywny piktogramu"),
        required=False,
        max_length=250,
    )

    def cross_field_errors(self, value):
        if value.get("pictogram") and not value.get("pictogram_alt"):
            return {"pictogram_alt": _("Opisz piktogram dla czytników ekranu.")}
        return {}

    class Meta:
        icon = "user"
        label = _("Tekst łatwy do czytania (ETR)")
        template = "blocks/easy_to_read_block.html"
        description = _(
            "Informacja o serwisie w tekście łatwym do czytania i rozumienia, "
            "wymagana na stronie głównej podmiotu publicznego."
        )
        preview_value = {
            "title": "Informacje w tekście łatwym do czytania",
            "text": "<p>Jesteśmy urzędem. Pomagamy ludziom znaleźć pracę.</p>",
        }


class SignLanguageVideoBlock(blocks.StructBlock):
    """A film in Polish Sign Language, linked rather than embedded.

    A plain link needs no oEmbed call at render time, so the home page does not
    depend on a video service answering.
    """

    url = blocks.URLBlock(
        label=_("Adres filmu"),
        help_text=_("Link do filmu (np. w serwisie wideo albo plik MP4)."),
    )
    title = blocks.CharBlock(label=_("Tytuł filmu"), max_length=200)
    description = blocks.TextBlock(
        label=_("Opis"),
        required=False,
        help_text=_("Co jest w filmie: jedno lub dwa zdania."),
    )
    has_captions = blocks.BooleanBlock(
        label=_("Film ma napisy"),
        required=True,
        help_text=_("Film w PJM musi mieć też napisy dla osób niesłyszących."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transkrypcja"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Tekst tego, co mówi lektor lub tłumacz PJM (zalecany)."),
    )

    class Meta:
        icon = "media"
        label = _("Film w polskim języku migowym (PJM)")
        template = "blocks/sign_language_video_block.html"
        description = _(
            "Informacja o serwisie w polskim języku migowym, z napisami; wymagana "
            "na stronie głównej podmiotu publicznego."
        )
        preview_value = {
            "url": "https://example.org/film-pjm",
            "title": "Informacja o MCPS w polskim języku migowym",
            "has_captions": True,
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Akapity tekstu z formatowaniem i linkami."),
        preview_value=(
            "<p>Ekonomia społeczna to przedsiębiorczość, w której liczą się ludzie.</p>"
        ),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = _("Treść")
