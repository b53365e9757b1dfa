"""Round 11 (issue 16): publicity that names an opted-out child however they are called, young people's
full names in celebrations and running orders, and the adults and namesakes who share a name.

The test roster (checks_support.py): Tom Jones and Priya Patel opted out of photos; of two Ellas, Ella
Grant opted out and Ella Hughes did not."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


# Policy 5.6: no photos or publicity of a child whose family said no, whether the post calls them by
# first name, a nickname or an initial.
@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tommy on the banner? perfect, send to print", "Tommy"),  # a nickname of the opted-out Tom
        ("slow-mo reel of Tommy on the decks", "Tommy"),
        ("Thumbnail for the YouTube upload: Priya mid-verse", "Priya"),
        ("clip of Ella going on the insta tonight", "Ella"),  # one of the Ellas has no consent
        ("shout out to Ella for her first gig!! video on the socials", "Ella"),
        ("Ella's in the reel at 0:42", "Ella"),
    ],
)
def test_an_opted_out_child_named_in_publicity_by_first_name_or_nickname(check, text, named):
    assert _texts(check, text, Kind.PHOTO_CONSENT) == [named]


# A name shared with someone else is not the child: a visitor from an outside organisation, an adult's
# role, a compound word, a famous singer's song, and an Ella the text does not put in a picture.
@pytest.mark.parametrize(
    "text",
    [
        "Tom Jones' 'It's Not Unusual' for the warm-up in the reel - licence ok?",
        "Playlist for the promo video: Tom Jones - Sex Bomb, Lizzo - Juice",
        "Priya from the council's comms team wants three photos for their website",
        "Tom Jones, grants officer at the Summerfield Trust, will film a short clip on Thursday",
        "Our photographer Tom will post the gallery on Facebook",
        "Oscar-winning soundtrack night: poster attached, share on socials",
        "Ella is doing the captions for the insta carousel",
        "No photos of Ella G please, her family have said no",
    ],
)
def test_someone_else_with_the_name_is_not_an_opt_out(check, text):
    assert _texts(check, text, Kind.PHOTO_CONSENT) == []


# Policy 5.6: first names only. A young person's full name in a celebration, a case study or a line-up
# is a finding whether or not they are on the roster; an age beside it says they are young.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("new lad Reece Holloway wants adding to the group chat", ["Reece Holloway"]),
        ("Congrats to Mia Rosewarne, 17, who got her Gold Arts Award", ["Mia Rosewarne"]),
        ("Running order, under-18s stage\n1. Dev Malhotra (16) \u2013 gtr/vox\n2. Sienna Clarke (14) \u2013 keys",
         ["Dev Malhotra", "Sienna Clarke"]),
    ],
)
def test_young_peoples_full_names_in_celebrations_and_line_ups(check, text, names):
    assert _texts(check, text, Kind.FULL_NAME) == names


# Adults named in full with their roles, and the young performers' own roles, stay as they are.
@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Helen Carver, our project manager, for a brilliant weekend with the under-16s",
        "Funders' visit: Karen Doyle (grants officer, Summerfield Trust) will watch the 15-17s rehearsal",
    ],
)
def test_adults_with_their_roles_are_fine(check, text):
    assert _texts(check, text, Kind.FULL_NAME) == []


def test_a_young_persons_role_does_not_make_them_someone_else(check):
    assert _texts(check, "Poster: young producer Tommy on the decks", Kind.PHOTO_CONSENT) == ["Tommy"]
