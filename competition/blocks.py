"""Blocks of the edition page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class QuestionBlock(blocks.StructBlock):
    """One question of an edition's FAQ, shown as an expandable item."""

    question = blocks.CharBlock(label=_("pytanie"), max_length=250)
    answer = blocks.RichTextBlock(label=_("odpowiedź"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Pytanie i odpowiedź")
        template = "blocks/question_block.html"
        description = _("Pytanie, które zadają zgłaszający, z odpowiedzią.")
        preview_value = {
            "question": "Czy można zgłosić się w dwóch kategoriach?",
            "answer": "<p>Tak, w każdej kategorii osobnym zgłoszeniem.</p>",
        }


class FaqBlock(blocks.StreamBlock):
    question = QuestionBlock()
