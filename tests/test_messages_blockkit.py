"""Messages described as data (bot/messages.py) become Block Kit that Slack accepts, with everything a
person typed shown as typed: it can never mention, link or format."""

from __future__ import annotations

from datetime import date

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.messages import (
    Bold,
    Button,
    Buttons,
    ButtonStyle,
    ChannelMention,
    Checkbox,
    Choice,
    Code,
    Confirm,
    DateField,
    Divider,
    Facts,
    Form,
    Heading,
    Icon,
    Item,
    Link,
    Mention,
    Message,
    Note,
    Paragraph,
    PersonField,
    Preformatted,
    Quote,
    TextField,
    plain,
)
from bot.slack.blockkit import BlockKit, submitted_values

PEOPLE = {"priya": ("U0SAFEGRD1", "Priya Shah"), "maya": (None, "Maya Teams")}
BLOCK_KIT = BlockKit(slack_user_of=lambda key: PEOPLE[key][0], name_of=lambda key: PEOPLE[key][1])
TYPED = "<!channel> *urgent* <https://evil.example|your bank> & @here"


def _valid_blocks(blocks: list[dict]) -> None:
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None
        parsed.validate_json()


def test_what_people_typed_cannot_ping_link_or_format() -> None:
    rendered = BLOCK_KIT.message(Message(summary=TYPED, parts=[Paragraph([TYPED]), Quote(TYPED), Note(TYPED)]))

    for text in (rendered.text, *(b.get("text", {}).get("text", "") for b in rendered.blocks or [])):
        assert "<!channel>" not in text and "<https://" not in text and "@here" not in text
    assert "&lt;!channel&gt;" in rendered.text and "&amp;" in rendered.text
    assert rendered.blocks[1]["text"]["text"].startswith("> ")
    _valid_blocks(rendered.blocks or [])


def test_marked_spans_become_mrkdwn_and_people_are_mentioned_where_they_are_on_slack() -> None:
    line = (Icon.WARNING, " ", Bold("TMW-2026-0042"), " for ", Mention("priya"), " and ", Mention("maya"), ": ",
            Code("/report list"), " ", Link("https://example.org/policy", "the policy"))

    assert BLOCK_KIT.mrkdwn(line) == (":warning: *TMW-2026-0042* for <@U0SAFEGRD1> and Maya Teams: `/report list` "
                                      "<https://example.org/policy|the policy>")
    assert plain(line, {"priya": "Priya Shah"}) == "TMW-2026-0042 for Priya Shah and someone: /report list the policy"


def test_a_message_with_every_part_is_valid_block_kit() -> None:
    many_facts = [(f"Fact {n}", f"value {n}") for n in range(12)]
    message = Message(summary="Report TMW-2026-0042", parts=[
        Heading("Urgent: report " + "x" * 200), Paragraph(["one", ("two ", Bold("bold"))]), Facts(many_facts),
        Divider(), Item("Change the Instagram password", Button("Mark done", "task.done", value="7")),
        Buttons([Button("Acknowledge", "report.ack", value="42", style=ButtonStyle.PRIMARY),
                 Button("Resolve", "report.resolve", value="42", style=ButtonStyle.DANGER,
                        confirm=Confirm("Resolve it?", "Everyone on its chain is told.", "Resolve"))], id="actions"),
    ])

    blocks = BLOCK_KIT.message(message).blocks or []

    _valid_blocks(blocks)
    assert len(blocks[0]["text"]["text"]) == 150 and blocks[0]["text"]["text"].endswith("…")
    assert blocks[1]["text"]["text"] == "one\ntwo *bold*"
    assert [len(b["fields"]) for b in blocks if "fields" in b] == [10, 2]
    assert blocks[-1]["block_id"] == "actions"
    assert blocks[-1]["elements"][0]["style"] == "primary" and "style" not in blocks[-2]["accessory"]
    assert blocks[-1]["elements"][1]["confirm"]["confirm"]["text"] == "Resolve"


def test_a_form_becomes_a_valid_modal_and_its_submission_reads_back_by_field() -> None:
    fields = [TextField("what", "What happened?", multiline=True, max_length=20, initial="y" * 30),
              Choice("kind", "Kind", [("a", "Online safety"), ("b", "Data breach")], initial="b"),
              PersonField("who", "Who?", optional=True), DateField("when", "When?", initial=date(2026, 12, 1)),
              Checkbox("risk", "Risk", "Someone is at immediate risk")]
    view = BLOCK_KIT.modal(Form(id="report.file", title="Report a concern, please now", submit="Send",
                                fields=[Note("Call 999 first in an emergency."), *fields], state='{"c": 1}'))

    View(**view).validate_json()
    assert view["title"]["text"] == "Report a concern, please"[:24]
    assert view["blocks"][1]["element"]["initial_value"] == "y" * 20
    assert view["blocks"][2]["element"]["initial_option"]["value"] == "b"
    submitted = {"state": {"values": {
        "what": {"what_input": {"value": "A post"}}, "kind": {"kind_input": {"selected_option": {"value": "a"}}},
        "who": {"who_input": {"selected_user": "U0SAFEGRD1"}}, "when": {"when_input": {"selected_date": "2026-11-30"}},
        "risk": {"risk_input": {"selected_options": [{"value": "yes"}]}}}}}
    assert submitted_values(submitted, fields) == {"what": "A post", "kind": "a", "who": "U0SAFEGRD1",
                                                  "when": date(2026, 11, 30), "risk": True}
    assert submitted_values({"state": {"values": {}}}, fields)["risk"] is False


def test_a_choice_of_several_is_a_list_to_tick_and_reads_back_as_the_values_ticked() -> None:
    field = Choice("accounts", "Accounts to take away", [("1", "Instagram"), ("2", "Mailchimp")], multiple=True)
    view = BLOCK_KIT.modal(Form(id="access_review.reduce_submit", title="Reduce access", submit="Take away",
                                fields=[field]))

    View(**view).validate_json()
    assert view["blocks"][0]["element"]["type"] == "checkboxes"
    ticked = {"state": {"values": {"accounts": {"accounts_input": {"selected_options": [{"value": "2"}]}}}}}
    assert submitted_values(ticked, [field]) == {"accounts": ["2"]}


def test_people_already_chosen_are_shown_by_their_slack_ids_and_read_back_as_keys() -> None:
    owner = PersonField("owner", "Owner", initial=("priya",))
    access = PersonField("access", "Who else can log in", multiple=True, initial=("priya", "maya"))
    view = BLOCK_KIT.modal(Form(id="accounts.save", title="Add an account", submit="Save", fields=[owner, access]))

    View(**view).validate_json()
    assert view["blocks"][0]["element"]["initial_user"] == "U0SAFEGRD1"
    # Maya is not on Slack: nobody can be chosen for her there.
    assert view["blocks"][1]["element"] == {"type": "multi_users_select", "action_id": "access_input",
                                            "initial_users": ["U0SAFEGRD1"]}
    keys = {"U0SAFEGRD1": "priya"}
    chosen = {"state": {"values": {"owner": {"owner_input": {"selected_user": "U0SAFEGRD1"}},
                                   "access": {"access_input": {"selected_users": ["U0SAFEGRD1"]}}}}}
    assert submitted_values(chosen, [owner, access], keys.__getitem__) == {"owner": "priya", "access": ["priya"]}


def test_a_choice_in_view_is_radio_buttons_with_no_placeholder() -> None:
    field = Choice("decision", "Decision", [("made", "Referral made"), ("none", "No referral")], expanded=True,
                   placeholder="Choose one", initial="none")
    view = BLOCK_KIT.modal(Form(id="report.clock", title="Record a decision", submit="Record", fields=[field]))

    View(**view).validate_json()
    element = view["blocks"][0]["element"]
    assert element["type"] == "radio_buttons" and "placeholder" not in element
    assert element["initial_option"]["value"] == "none"
    picked = {"state": {"values": {"decision": {"decision_input": {"selected_option": {"value": "made"}}}}}}
    assert submitted_values(picked, [field]) == {"decision": "made"}


def test_a_quote_has_its_line_above_it_and_can_be_kept_short() -> None:
    by = (Bold("Question"), " from ", Mention("priya"), " <b>")
    blocks = BLOCK_KIT.blocks([Quote("line one\n<!here>", by=by), Quote("y" * 100, longest=30), Quote("z" * 5000)])

    _valid_blocks(blocks)
    assert blocks[0]["text"]["text"] == "*Question* from <@U0SAFEGRD1> &lt;b&gt;\n> line one\n> &lt;!here&gt;"
    assert blocks[1]["text"]["text"] == "> " + "y" * 27 + "…"
    assert len(blocks[2]["text"]["text"]) == 2500


def test_every_icon_is_an_emoji_slack_knows_by_name() -> None:
    drawn = {icon: BLOCK_KIT.mrkdwn(icon) for icon in
             (Icon.PHONE, Icon.DEADLINE, Icon.NO_ENTRY, Icon.PERSON, Icon.REPEAT, Icon.MEMO, Icon.SHIELD, Icon.SPARKLES)}

    assert drawn == {Icon.PHONE: ":telephone_receiver:", Icon.DEADLINE: ":hourglass:", Icon.NO_ENTRY: ":no_entry:",
                     Icon.PERSON: ":bust_in_silhouette:", Icon.REPEAT: ":repeat:", Icon.MEMO: ":memo:",
                     Icon.SHIELD: ":shield:", Icon.SPARKLES: ":sparkles:"}
    assert plain((Icon.PHONE, " Call them")) == "Call them"


def test_channels_are_linked_where_they_are_on_slack() -> None:
    on_slack = BlockKit(slack_channel_of={"moderation": "C0MODERATE"}.get)
    line = ("A post in ", ChannelMention("moderation"), " and ", ChannelMention("teams-only"))

    assert on_slack.mrkdwn(line) == "A post in <#C0MODERATE> and a channel"
    assert plain(line) == "A post in a channel and a channel"


def test_preformatted_text_is_a_fenced_box_that_no_fence_inside_can_close() -> None:
    boxed = BLOCK_KIT.mrkdwn((Bold("Ready to copy:"), "\n", Preformatted("a ```b``` <!here> & c")))
    long = BLOCK_KIT.mrkdwn(Preformatted("&" * 1000))

    assert boxed == "*Ready to copy:*\n```a '''b''' &lt;!here&gt; &amp; c```"
    # Cut to fit a section with its fences, never through an escape.
    assert long.startswith("```&amp;") and long.endswith("&amp;…```") and len(long) <= 2806
    assert plain(Preformatted("a <b>")) == "a <b>"


def test_a_paragraph_that_splits_is_shown_in_pieces_between_lines_never_cut() -> None:
    lines = [f"line {n}: " + "x" * 990 for n in range(7)]
    pieces = BLOCK_KIT.blocks([Paragraph(lines, splits=True), Paragraph(["short", ("one ", Bold("two"))], splits=True)])

    _valid_blocks(pieces)
    texts = [b["text"]["text"] for b in pieces]
    assert [t.count("\n") + 1 for t in texts] == [2, 2, 2, 1, 2]
    assert "\n".join(texts[:4]) == "\n".join(lines) and all(len(t) <= 2990 for t in texts)
    assert texts[4] == "short\none *two*"
    # Without it, a paragraph is one section, cut visibly.
    assert BLOCK_KIT.blocks([Paragraph(lines)])[0]["text"]["text"].endswith("…")
