"""Policy 3 (round 11, issue 16): a young person's need said in everyday words is health information:
a hurt part of the body in a boot, cast or sling, a hard time with their eating or mood, care by a
service or a professional, what they told a leader, and a support plan by its short name. On a form,
a question to the parent ("Anything we should know?") makes the answer the child's. A blank form,
first-aid kit, a workshop on a health topic, a grown-up of themselves and look-alike words are not."""

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # A hurt part in a dressing (injury_dressings.txt).
        ("Grace's ankle is still in a boot so she'll sit out the routine", "ankle is still in a boot"),
        ("Jayden has a pot on his leg till Easter", "pot on his leg"),
        ("Ruby's wrist is strapped up so no cello this week", "wrist is strapped up"),
        # A hard time with something of their own (health_struggles.txt).
        ("Freya's been having a rough time with her eating this term", "rough time with her eating"),
        ("Zara has been struggling with her mood since Christmas", "struggling with her mood"),
        # Care by a service or professional, and what they told someone.
        ("Callum is under the school nurse for his bladder", "school nurse"),
        ("Jess has been referred to the eating disorders team", "eating disorders"),
        ("CAMHS are now involved with Isaac, so we'll follow their advice", "CAMHS are now involved"),
        ("Lola disclosed self-harm to a volunteer on Thursday", "self-harm"),
        ("Ethan told a leader he's been cutting", "been cutting"),
        ("Luca opened up to a volunteer about having dark thoughts", "dark thoughts"),
        # Support plans by their short names, one or several.
        ("Ayo and Femi both have EHCPs", "EHCPs"),
        ("Elsie has an IEP at school", "IEP"),
        # Senses and eating, said as what they do (health_behaviours.txt).
        ("Harrison struggles with loud noise", "struggles with loud noise"),
        ("Reuben isn't eating properly at the moment", "eating properly"),
    ],
)
def test_needs_in_everyday_words_are_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Anything we should know?: asthma - carries a blue inhaler", "asthma"),
        ("Anything else we should know: gets very travel sick on coaches", "travel sick"),
        ("Is there anything we need to know about your child? Has a peanut allergy", "peanut allergy"),
        ("Any health issues? Frequent nosebleeds, sit her down if it starts", "nosebleeds"),
        ("Please tell us about any medical needs: lactose intolerant", "lactose intolerant"),
        ("Disabilities: partially sighted in her left eye", "partially sighted"),
    ],
)
def test_a_form_question_about_the_child_makes_the_answer_theirs(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        # Blank templates waiting to be filled in.
        "Medical needs / allergies: ____________",
        "Anything we should know? ......................................",
        "Additional needs: (please describe)",
        "Medical: [please fill in]",
        # An answer with no condition in it; a field that is not about health.
        "Anything we should know?: collected by grandad at 5",
        "Dietary requirements: vegetarian",
        "Disability access: ramp at the side door",
        # Kit, topics, services for everyone, and a grown-up of themselves.
        "The hypo kit is in the green bag in the office",
        "First aid box is under the stage",
        "We're running a workshop on mental health and music next month",
        "CAMHS are running a drop-in for parents on Tuesday evening",
        "I've got my arm in a cast so someone else needs to carry the keyboard",
        "Our volunteer Sue has her knee in a brace",
        # Look-alike words.
        "The cast list for the summer show is up on the board",
        "Kofi's guitar is in a case under the stage",
        "Jess said she's seeing someone now, a lad from the other band",
        "Tyler's been cutting tracks in the studio all week",
        "she's been cutting and sticking for the banner",
        "Ella had problems with her mood board for the album",
        "Ella talked about cancer in her new song",
        "Ruby's bass strap is bandaged up with gaffer tape",
    ],
)
def test_look_alikes_are_fine(found, text):
    assert found(text, "health") == []
