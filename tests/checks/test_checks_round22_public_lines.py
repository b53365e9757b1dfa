"""Round 22 (issue 16), policy 4.1 and 5.5: a person's phone number must never go out, but a venue's,
a school's or a service's public landline is there to be rung. A landline said beside the
organisation's shared mailbox ("bookings@...", "info@..."), a school's or venue's office, a helpdesk
or the duty manager on the night is that public line. A mobile is somebody's own wherever it is
written, and so is a landline said to be a person's."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Free tickets: email boxoffice@theroses.example or call 01684 295074.",
        "Questions about access? info@subrooms.example or ring 01453 760800",
        "Could your office (01242 512345) print the register for us?",
        "Parents should ring the Families Helpdesk on 01452 426000 with any worries.",
        "On the night the duty manager is on 01452 503050.",
    ],
)
def test_an_organisations_public_landline_is_not_a_personal_number(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Tickets: info@theroses.example, or ring her mum on 01684 295074", "01684 295074"),
        ("email bookings@theroses.example or text Jo on 07700 900321", "07700 900321"),
        ("email jo.hart@gmail.com or call 01452 503050", "01452 503050"),
    ],
)
def test_a_persons_number_beside_a_shared_mailbox_is_still_found(found, text, number):
    assert found(text, "phone") == [number]
