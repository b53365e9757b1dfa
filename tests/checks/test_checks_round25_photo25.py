"""Round 25 (issue 16), policy 5.6: a child whose family opted out of photography is not put in a picture,
a caption or a film, whatever form of their name is used. A first name and a surname's initial
("Tom J") names them in a photo caption written left to right, on a photo call's running order and on a
list of media consent forms to chase. A reminder that keeps one child out of the pictures lets off
that child only: the caption's other children are still in it. Nobody is put in a picture by a famous
singer's name in a song's credit, or by a photo word that means something else ("in the post",
"cameras on", "name tag")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Band shot from Friday, left to right: Amy S, Tom J, Zoë B", ["Tom J"]),
        ("Team shot (l-r): Tom K, Ella H, Priya P", ["Priya P"]),
        ("Media consent forms still to come back: Priya P (mum), Ella G (dad)", ["Priya P", "Ella G"]),
        ("No photo consent form back yet from Tom J's dad, I'll ring him tonight", ["Tom J"]),
    ],
)
def test_an_opted_out_child_named_short_in_a_caption_or_on_a_consent_list_is_found(found, text, names):
    assert found(text, "photo_consent") == names


def test_a_reminder_about_one_child_leaves_the_rest_of_the_caption_in_the_picture(found):
    text = ("Group shot L-R: Amy S, Tom J, Zoë B. Priya P is no-photo so she's holding the banner "
            "off camera.")
    assert found(text, "photo_consent") == ["Tom J"]


@pytest.mark.parametrize(
    "text",
    [
        "Priya's Arts Award certificate is in the post to her mum",
        "Cameras on for the Teams catch-up please, Priya, we start at 6",
        "Priya needs a new name tag for the Saturday sessions",
    ],
)
def test_an_opted_out_first_name_beside_a_photo_word_in_another_sense_is_no_picture(found, text):
    assert found(text, "photo_consent") == []


@pytest.mark.parametrize(
    ("credit", "child"),
    [
        ("Spring concert: 3. Green, Green Grass of Home (Tom Jones, arr. L. Moore) - Junior Choir",
         "Spring concert video: Tom Jones (drums) with the Junior Choir"),
        ("Set list for the livestream: 1. Valerie 2. Delilah \u2013 Tom Jones 3. Yellow",
         "Credits for the song video: Keys \u2013 Tom Jones"),
        ("We're covering Tom Jones in the Christmas video - song ideas welcome",
         "Ella H is covering Tom Jones's solo in the Christmas video - songs on the drive"),
    ],
)
def test_a_famous_namesakes_song_credit_is_nobody_but_a_child_credited_with_a_part_is(found, credit, child):
    assert found(credit, "photo_consent") == [] and found(credit, "full_name") == []
    assert found(child, "photo_consent") == ["Tom Jones"]
