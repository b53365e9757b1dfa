"""Messages described as data (bot/messages.py) become Adaptive Cards that Teams renders (schema 1.5),
with everything a person typed shown as typed: it can never format, link or mention anyone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    Checkbox,
    Choice,
    Code,
    Confirm,
    DateField,
    Divider,
    Facts,
    Form,
    FormErrors,
    Heading,
    Icon,
    Italic,
    Item,
    Link,
    Mention,
    Message,
    Note,
    Paragraph,
    PersonField,
    Preformatted,
    Quote,
    Struck,
    TextField,
)
from bot.teams.cards import CARD_BYTES_MAX, CUT_MARK, WORD_JOINER, AdaptiveCards, cut, escape

PRIYA_ID = "6a1f0c2e-1111-4a5b-9c8d-7e6f5a4b3c2d"
PEOPLE = {"priya": (PRIYA_ID, "Priya Shah"), "sam": (None, "Sam Slack-Only"), "odd": ("0bad0000-0000", "Eve</at> **x**")}
CARDS = AdaptiveCards(teams_user_of=lambda key: PEOPLE[key][0], name_of=lambda key: PEOPLE[key][1])
TYPED = "<at>Priya Shah</at> **urgent** [your bank](https://evil.example) _x_ ~~y~~ `z` # big\n- item\n1. one \\"


def _texts(node: Any) -> Iterator[str]:
    """Every piece of text Teams reads as markdown in a card: TextBlocks' text and Facts' titles and values."""
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            yield node["text"]
        if "title" in node and "value" in node and "type" not in node:
            yield node["title"]
            yield node["value"]
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def _unescaped(text: str, mark: str) -> bool:
    """Whether `mark` appears in markdown text other than escaped by a backslash."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(mark, i):
            return True
        i += 1
    return False


def test_a_card_is_an_adaptive_card_of_schema_1_5_with_its_summary_as_plain_text() -> None:
    rendered = CARDS.message(Message(summary=["New report from ", Mention("priya"), Icon.WARNING],
                                     parts=[Heading("A report")]))

    assert rendered.card["type"] == "AdaptiveCard" and rendered.card["version"] == "1.5"
    assert rendered.text == "New report from Priya Shah"
    assert rendered.attachment()["contentType"] == "application/vnd.microsoft.card.adaptive"
    heading = rendered.card["body"][0]
    assert heading == {"type": "TextBlock", "text": "A report", "wrap": True, "size": "Large", "weight": "Bolder",
                       "style": "heading"}


def test_what_people_typed_cannot_format_link_or_mention() -> None:
    message = Message(summary=TYPED, parts=[
        Heading(TYPED), Paragraph([TYPED, [Bold(TYPED)]]), Quote(TYPED, by=[Mention("priya"), " wrote"]),
        Facts([(TYPED, TYPED)]), Note(TYPED), Item(TYPED),
    ])
    card = CARDS.message(message).card

    texts = list(_texts(card))
    assert len(texts) >= 8
    for text in texts:
        # No mention but the real one, whose entity the card carries; no link, bold from the typed text.
        assert text.count("<at>") == (1 if text.startswith("<at>Priya Shah</at> wrote") else 0), text
        assert "](" not in text.replace("\\](", "")
        assert not _unescaped(text, "[") and not _unescaped(text, "`") and not _unescaped(text, "~")
        assert not any(line.lstrip().startswith(("- ", "1. ", "# ")) for line in text.split("\n"))
        assert "\\1" not in text  # a backslash before a digit is shown, not read
    paragraph = card["body"][1]["text"]
    assert paragraph.startswith(f"<{WORD_JOINER}at\\>Priya Shah<{WORD_JOINER}/at\\> \\*\\*urgent\\*\\*")
    # The marked bold is the only unescaped ** in it, round the whole escaped text.
    bold_line = paragraph.split("\n\n")[-1]
    assert bold_line.startswith("**<") and bold_line.endswith("\\\\**")
    assert card["msteams"]["entities"] == [{"type": "mention", "text": "<at>Priya Shah</at>",
                                            "mentioned": {"id": PRIYA_ID, "name": "Priya Shah"}}]


def test_escape_shows_text_as_typed_once_teams_reads_the_backslashes() -> None:
    typed = "a*b_c[d](e) `f` ~g~ #h >i |j !k \\l"
    unescaped = escape(typed).replace(WORD_JOINER, "")
    shown = "".join(c for i, c in enumerate(unescaped) if c != "\\" or (i and unescaped[i - 1] == "\\"))
    assert shown.replace("\\\\", "\\") == typed


def test_a_command_in_a_code_span_reads_as_the_words_to_type_in_quotes_and_slack_keeps_its_code() -> None:
    """A TextBlock's markdown has no code span: backticks would show as they are, escaped or not."""
    from bot.slack.blockkit import BLOCK_KIT

    message = Message(summary=["Type ", Code("/report list"), " to see them"],
                      parts=[Paragraph([["Type ", Code("/report list"), " to see them, or ", Code("a_b*c"), "."]])])
    rendered = CARDS.message(message)

    assert rendered.card["body"][0]["text"] == "Type “report list” to see them, or “a\\_b\\*c”."
    assert rendered.text == "Type “report list” to see them"  # the notification, too
    assert "`" not in json.dumps(rendered.card)
    assert "`/report list`" in json.dumps(BLOCK_KIT.message(message).blocks)


def test_marked_spans_become_teams_markdown() -> None:
    card = CARDS.message(Message(summary="s", parts=[Paragraph([[
        Bold("bold"), " ", Italic("it"), " ", Link("https://example.org/a b", "the (policy)"), " ", Code("rotated NAME"),
        " ", Struck("done"), " ", Icon.DONE,
    ]])])).card

    text = card["body"][0]["text"]
    assert "**bold** _it_ [the \\(policy\\)](https://example.org/a%20b) “rotated NAME”" in text
    assert "d\u0336o\u0336n\u0336e\u0336" in text and text.endswith("✅")


def test_every_icon_has_a_picture_in_teams() -> None:
    card = CARDS.message(Message(summary="s", parts=[Paragraph([list(Icon)])])).card

    assert card["body"][0]["text"].isprintable() and not any(c.isascii() for c in card["body"][0]["text"])


def test_preformatted_text_is_shown_as_typed_each_line_its_own() -> None:
    card = CARDS.message(Message(summary="s", parts=[Paragraph([Preformatted("Call **Jo**\non [phone number removed]")])])).card

    assert card["body"][0]["text"] == "Call \\*\\*Jo\\*\\*\n\non \\[phone number removed\\]"


def test_spaces_at_the_edges_of_bold_or_italic_text_stay_outside_the_marks() -> None:
    card = CARDS.message(Message(summary="s", parts=[Paragraph([["Due", Bold(" today "), "and", Italic(" soon"),
                                                                 Bold("  ")]])])).card

    assert card["body"][0]["text"] == "Due **today** and _soon_  "


def test_a_person_without_a_teams_id_is_named_not_mentioned_and_odd_names_cannot_break_the_tag() -> None:
    card = CARDS.message(Message(summary="s", parts=[Paragraph([[Mention("sam"), " and ", Mention("odd"),
                                                                " and ", Mention("odd")]])])).card

    text = card["body"][0]["text"]
    assert text.startswith("Sam Slack-Only and <at>Eve/at x</at> and <at>Eve/at x</at>")
    entities = card["msteams"]["entities"]
    assert entities == [{"type": "mention", "text": "<at>Eve/at x</at>",
                         "mentioned": {"id": "0bad0000-0000", "name": "Eve</at> **x**"}}]


def test_facts_are_a_fact_set_and_a_divider_separates_what_follows() -> None:
    card = CARDS.message(Message(summary="s", parts=[
        Facts([("Reported by", [Mention("priya")]), ("When", "today")]), Divider(), Note("small print"),
    ])).card

    facts, note = card["body"]
    assert facts == {"type": "FactSet", "facts": [{"title": "Reported by", "value": "<at>Priya Shah</at>"},
                                                 {"title": "When", "value": "today"}]}
    assert note["separator"] is True and note["isSubtle"] is True and note["size"] == "Small"


def test_a_quote_is_an_emphasised_container_with_who_wrote_it_above() -> None:
    card = CARDS.message(Message(summary="s", parts=[Quote("line one\nline two", by=["Sam, ", Italic("today")])])).card

    container = card["body"][0]
    assert container["type"] == "Container" and container["style"] == "emphasis"
    by, said = container["items"]
    assert by["text"] == "Sam, _today_" and by["isSubtle"] is True
    assert said["text"] == "line one\n\nline two"


def test_buttons_are_execute_actions_with_the_action_as_verb_and_styles() -> None:
    card = CARDS.message(Message(summary="s", parts=[Buttons([
        Button("Take it", "report_take", value="42", style=ButtonStyle.PRIMARY),
        Button("Not now", "report_later"),
        Button("x" * 100, "report_close", value="42", style=ButtonStyle.DANGER),
    ], id="report-42")])).card

    row = card["body"][0]
    assert row["type"] == "ActionSet" and row["id"] == "report-42"
    take, later, close = row["actions"]
    assert take == {"type": "Action.Execute", "title": "Take it", "style": "positive", "data": {"value": "42"},
                    "verb": "report_take"}
    assert later == {"type": "Action.Execute", "title": "Not now", "data": {"value": ""}, "verb": "report_later"}
    assert close["style"] == "destructive" and len(close["title"]) == 75 and close["title"].endswith(CUT_MARK)


def test_a_button_that_asks_first_opens_a_hidden_panel_holding_the_real_action() -> None:
    confirm = Confirm(title="Delete the post?", text="It goes for *everyone*.", yes="Delete it", no="Keep it")
    card = CARDS.message(Message(summary="s", parts=[Buttons([
        Button("Delete", "moderation_delete", value="7", style=ButtonStyle.DANGER, confirm=confirm),
    ])])).card

    row, panel = card["body"]
    opener = row["actions"][0]
    assert opener == {"type": "Action.ToggleVisibility", "title": "Delete", "style": "destructive",
                      "targetElements": [panel["id"]]}
    assert panel["isVisible"] is False
    title, text, answers = panel["items"]
    assert title["text"] == "Delete the post?" and text["text"] == "It goes for \\*everyone\\*."
    yes, no = answers["actions"]
    assert yes == {"type": "Action.Execute", "title": "Delete it", "style": "destructive", "data": {"value": "7"},
                   "verb": "moderation_delete"}
    assert no == {"type": "Action.ToggleVisibility", "title": "Keep it", "targetElements": [panel["id"]]}


def test_an_item_is_its_text_with_its_button_beside_it() -> None:
    card = CARDS.message(Message(summary="s", parts=[
        Item([Icon.TO_DO, " Return the laptop"], Button("Mark done", "leaver_done", value="3")), Item("No button"),
    ])).card

    row, alone = card["body"]
    text_column, button_column = row["columns"]
    assert text_column["items"][0]["text"] == "🔲 Return the laptop" and button_column["width"] == "auto"
    assert button_column["items"][0]["actions"][0]["verb"] == "leaver_done"
    assert alone == {"type": "TextBlock", "text": "No button", "wrap": True}


def test_long_text_is_cut_visibly_and_never_through_markup() -> None:
    assert cut("\\*" * 10, 8) == "\\*\\*\\*" + CUT_MARK
    assert cut("ab <at>Priya Shah</at> cd", 12) == "ab" + CUT_MARK
    assert cut("ab **bold text** cd", 12) == "ab" + CUT_MARK
    assert cut("ab [label](https://example.org) cd", 20) == "ab" + CUT_MARK
    assert cut("[a](https://example.org/a_b) and some more words", 40) == "[a](https://example.org/a_b) and some m" + CUT_MARK
    paragraph = CARDS.message(Message(summary="s", parts=[Paragraph(["word " * 1000])])).card["body"][0]["text"]
    assert len(paragraph) <= 3000 and paragraph.endswith(CUT_MARK)


def test_a_card_stays_within_teams_message_size_however_much_text_it_has() -> None:
    many = [Paragraph(["ünïcödé " * 400]) for _ in range(20)] + [Quote("q" * 10_000)]
    rendered = CARDS.message(Message(summary="x" * 5000, parts=many))

    assert len(json.dumps(rendered.card).encode()) <= CARD_BYTES_MAX
    assert all(text.endswith(CUT_MARK) for text in _texts(rendered.card))
    assert len(rendered.text) <= 1000


def test_a_form_is_a_dialog_card_with_every_kind_of_field() -> None:
    form = Form(id="report", title="Report a concern", submit="Send", state="channel-9", fields=[
        Paragraph(["Tell us what happened."]),
        TextField("what", "What happened?", placeholder="In your words", multiline=True, max_length=5,
                  initial="abcdefgh", hint="Say *what* you saw"),
        Choice("urgency", "How urgent?", [("now", "Now"), ("later", "Later")], initial="later"),
        Choice("who", "Who was involved?", [("child", "A child"), ("adult", "An adult")], multiple=True, optional=True),
        Choice("sure", "Are you sure?", [("yes", "Yes"), ("no", "No")], expanded=True),
        PersonField("lead", "Who leads?", initial=("priya", "sam"), multiple=True),
        DateField("on", "When?", initial=date(2026, 12, 5)),
        Checkbox("agree", "Consent", "I have read the policy", optional=False),
    ])
    dialog = CARDS.dialog(form, FormErrors({"what": "Please say what happened."}))

    assert dialog.title == "Report a concern"
    body = dialog.card["body"]
    intro, what, hint, error, urgency, who, sure, lead, on, agree = body
    assert intro["text"] == "Tell us what happened."
    assert what == {"type": "Input.Text", "id": "what", "label": "What happened?", "isRequired": True,
                    "value": "abcde", "maxLength": 5, "isMultiline": True, "placeholder": "In your words"}
    assert hint["text"] == "Say \\*what\\* you saw" and hint["isSubtle"] is True
    assert error["text"] == "Please say what happened." and error["color"] == "Attention"
    assert urgency["type"] == "Input.ChoiceSet" and urgency["style"] == "compact" and urgency["value"] == "later"
    assert urgency["choices"] == [{"title": "Now", "value": "now"}, {"title": "Later", "value": "later"}]
    assert who["isMultiSelect"] is True and who["style"] == "expanded" and who["isRequired"] is False
    assert sure["style"] == "expanded" and "isMultiSelect" not in sure
    assert lead["choices.data"] == {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}
    assert lead["value"] == PRIYA_ID and lead["isMultiSelect"] is True
    assert on == {"type": "Input.Date", "id": "on", "label": "When?", "isRequired": True, "value": "2026-12-05"}
    assert agree["type"] == "Input.Toggle" and agree["title"] == "I have read the policy"
    assert agree["valueOn"] == "yes" and agree["valueOff"] == ""
    assert dialog.card["actions"] == [{"type": "Action.Submit", "title": "Send", "style": "positive",
                                       "data": {"form": "report", "state": "channel-9"}}]


def test_a_form_without_submit_is_only_to_read() -> None:
    dialog = CARDS.dialog(Form(id="", title="About", fields=[Paragraph(["Hello"])]))

    assert "actions" not in dialog.card and dialog.card["body"][0]["text"] == "Hello"


@pytest.mark.parametrize("typed", ["<at>x</at>", "**", "_", "[a](b)", "\\", "- list", "1. list", "> q", "# h"])
def test_each_hostile_snippet_is_escaped_in_every_place_text_goes(typed: str) -> None:
    card = CARDS.message(Message(summary=typed, parts=[Paragraph([typed]), Facts([(typed, typed)]), Note(typed),
                                                       Quote(typed), Heading(typed)])).card

    for text in _texts(card):
        assert "<at>" not in text and not _unescaped(text, "**") and not _unescaped(text, "_")
        assert not _unescaped(text, "[") and not _unescaped(text, ">")
        assert not text.lstrip().startswith(("- ", "1. ", "# "))
    assert "msteams" not in card or "entities" not in card["msteams"]


HOSTILE = st.lists(st.sampled_from([*"ab <>/@*_[]()~`#|!\\-+.1\n", "<at>", "</at>", "**"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(typed=HOSTILE, limit=st.integers(min_value=2, max_value=60))
def test_any_typed_text_cut_anywhere_stays_inert(typed: str, limit: int) -> None:
    shown = cut(escape(typed), limit)

    assert "<at>" not in shown and "</at>" not in shown
    for mark in "*_[]()~`#|!>":
        assert not _unescaped(shown, mark), (typed, shown)
    for line in shown.split("\n"):
        assert not re.match(r"\s*([-+]|\d+\.)\s", line), (typed, shown)
    body = shown.removesuffix(CUT_MARK)
    trailing = len(body) - len(body.rstrip("\\"))
    assert trailing % 2 == 0, "an escape was cut through"
