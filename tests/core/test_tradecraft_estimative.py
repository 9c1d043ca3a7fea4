"""ICD 203 estimative language: each rule with sentences it must and must not flag."""

from __future__ import annotations

import pytest

from briefer.core import document
from briefer.core.tradecraft import estimative
from briefer.core.tradecraft.units import replace_text, units


def brief(*, bluf=(), kjs=(), discussion=(), quotes=(), background=()) -> dict:
    blocks = [document.heading("BLUF", section="bluf")]
    blocks += [document.paragraph(t) for t in bluf]
    blocks.append(document.heading("Key judgments", section="key-judgments"))
    if kjs:
        blocks.append(
            {
                "type": "list",
                "ordered": True,
                "items": [{"content": [document.text(t)]} for t in kjs],
            }
        )
    blocks += [{"type": "quote", "content": [document.text(t)]} for t in quotes]
    blocks.append(document.heading("Background", section="background"))
    blocks += [document.paragraph(t) for t in background]
    blocks.append(document.heading("Discussion", section="discussion"))
    blocks += [document.paragraph(t) for t in discussion]
    return document.normalize({"blocks": blocks})


def rules(doc: dict, rule: str) -> list:
    return [f for f in estimative.check(units(doc)) if f.rule == rule]


CONFIDENT = " We have moderate confidence in this judgment."

# -- vague words in the BLUF and key judgments ----------------------------------------

VAGUE_FLAGGED = [
    "Iran might retaliate against US forces.",
    "The militias could resume attacks within weeks.",
    "Baghdad may ask the coalition to leave.",
    "The strikes possibly degraded the groups' drone stocks.",
    "Perhaps the ceasefire will hold.",
    "Tehran will probably avoid a direct confrontation.",
    "Maybe the groups will pause.",
    "Kataib Hezbollah Could Escalate.",
    "It is a step that might, in time, reduce attacks.",
    "Attacks may not stop before the election.",
    "The pause could hold, and it might spread to Syria.",
]


@pytest.mark.parametrize("sentence", VAGUE_FLAGGED)
def test_vague_words_in_a_key_judgment_are_flagged(sentence):
    found = rules(brief(kjs=[sentence + CONFIDENT]), estimative.VAGUE)
    assert found, sentence
    assert all(f.section == "key-judgments" and f.paragraph == 1 for f in found)
    assert all(f.replacements and "almost no chance (01–05%)" in f.suggestion for f in found)


@pytest.mark.parametrize("sentence", VAGUE_FLAGGED[:3])
def test_vague_words_in_the_bluf_are_flagged(sentence):
    assert rules(brief(bluf=[sentence]), estimative.VAGUE)


VAGUE_NOT_FLAGGED = [
    brief(kjs=["Iran is likely to retaliate against US forces." + CONFIDENT]),
    brief(kjs=["The strikes began in May 2024." + CONFIDENT]),
    brief(kjs=["Attacks fell in early May." + CONFIDENT]),
    brief(kjs=["The group's military might is waning." + CONFIDENT]),
    brief(kjs=["The spokesman said the attacks “could resume at any moment”." + CONFIDENT]),
    brief(kjs=["The mayor of Erbil condemned the strikes." + CONFIDENT]),
    brief(kjs=['Ryder said the strikes "may continue” if needed.' + CONFIDENT]),
    brief(kjs=["Le ministre a dit «could happen» hier." + CONFIDENT]),
    brief(discussion=["Iran might retaliate; the militias could regroup."]),
    brief(background=["Talks may have stalled in 2023."]),
    brief(quotes=["We might strike again."]),
    brief(kjs=["Tehran will probably avoid war; the pause is highly probable." + CONFIDENT]),
    brief(kjs=["The possibility of escalation is remote." + CONFIDENT]),
    brief(bluf=["US strikes very likely degraded the groups' capabilities."]),
]


@pytest.mark.parametrize("doc", VAGUE_NOT_FLAGGED)
def test_vague_words_not_flagged(doc):
    assert rules(doc, estimative.VAGUE) == []


def test_a_vague_modal_is_fixed_with_one_of_the_scale_terms():
    doc = brief(kjs=["Iran might retaliate." + CONFIDENT])
    (finding,) = rules(doc, estimative.VAGUE)
    assert finding.text == "might" and finding.replacements[0] == "will almost certainly"
    fixed = replace_text(doc, finding.unit, *finding.span, "will likely")
    assert rules(fixed, estimative.VAGUE) == []
    item = fixed["blocks"][2]["items"][0]["content"][0]["text"]
    assert item.startswith("Iran will likely retaliate.")


# -- the two rows of the scale are not mixed ---------------------------------------

MIX_FLAGGED = [
    (
        ["Iran is likely to retaliate."],
        ["The pause is highly probable.", "It is likely."],
        "highly probable",
    ),
    (["An attack is very likely.", "It is unlikely."], ["Escalation is improbable."], "improbable"),
    (["It is almost certain.", "It is likely."], ["There is a remote chance of war."], "remote"),
    (
        ["Strikes are likely.", "Talks are unlikely."],
        ["A deal is nearly certain."],
        "nearly certain",
    ),
    (
        ["Strikes are likely.", "Talks are unlikely."],
        ["Rain is roughly even odds."],
        "roughly even odds",
    ),
    (["Strikes are likely.", "Talks are unlikely."], ["Iran probably will wait."], "probably"),
    (["It is probable.", "It is highly probable."], ["It is very likely."], "very likely"),
    (
        ["It is probable.", "It is improbable."],
        ["Talks are almost certainly over."],
        "almost certainly",
    ),
    (
        ["It is probable.", "It is improbable."],
        ["There is almost no chance of talks."],
        "almost no chance",
    ),
    (
        ["It is probable.", "It is improbable."],
        ["It is a roughly even chance."],
        "roughly even chance",
    ),
    (["It is remote chance.", "It is improbable."], ["An attack is unlikely."], "unlikely"),
]


@pytest.mark.parametrize(("main", "other", "word"), MIX_FLAGGED)
def test_terms_of_the_other_row_are_flagged(main, other, word):
    doc = brief(discussion=[*main, *other])
    found = rules(doc, estimative.SCALE_MIX)
    assert [f.text for f in found] == [word]
    assert found[0].section == "discussion" and found[0].paragraph == len(main) + 1


MIX_NOT_FLAGGED = [
    brief(discussion=["It is likely.", "It is very unlikely.", "It is almost certain."]),
    brief(discussion=["It is probable.", "It is highly improbable.", "It is nearly certain."]),
    brief(discussion=["They reached a remote village.", "An attack is likely."]),
    brief(discussion=["The region is remote but strikes are likely."]),
    brief(discussion=["Strikes are likely.", "The minister called it “highly probable”."]),
    brief(discussion=["Strikes are likely."], quotes=["A deal is nearly certain."]),
    brief(discussion=["It is unlikely that talks resume."]),
    brief(discussion=["Improbable as it seems, it is probable."]),
    brief(discussion=["No estimative words here at all."]),
    brief(discussion=["Likely, very likely and almost certainly are one row."]),
    brief(discussion=["It is remote chance.", "Escalation is probable and improbably fast."]),
]


@pytest.mark.parametrize("doc", MIX_NOT_FLAGGED)
def test_one_row_is_not_flagged(doc):
    assert rules(doc, estimative.SCALE_MIX) == []


def test_a_mixed_term_is_replaced_by_its_equal():
    doc = brief(
        discussion=["Strikes are likely.", "Talks are unlikely.", "A truce is highly probable."]
    )
    (finding,) = rules(doc, estimative.SCALE_MIX)
    assert finding.replacements == ("very likely",)
    assert "80–95%" in finding.suggestion
    doc = brief(discussion=["It is probable.", "It is improbable.", "Iran will likely wait."])
    (finding,) = rules(doc, estimative.SCALE_MIX)
    assert finding.replacements == ("probably",)


# -- a likelihood and a confidence level do not share a sentence ---------------------

TOGETHER = [
    "We assess with high confidence that Iran will likely retaliate.",
    "We have moderate confidence that an attack is very likely.",
    "It is almost certain, and we have high confidence, that talks fail.",
    "With low confidence, we judge a deal unlikely.",
    "We are highly confident the pause is probable.",
    "Our confidence is moderate that escalation is improbable.",
    "It is likely (moderate confidence) that strikes continue.",
    "We judge with high-confidence that talks are very unlikely.",
    "Strikes will almost certainly continue; we hold this with high confidence.",
    "A truce is nearly certain, a high-confidence judgment.",
    "We have medium confidence that there is a roughly even chance of talks.",
]


@pytest.mark.parametrize("sentence", TOGETHER)
def test_likelihood_and_confidence_in_one_sentence_are_flagged(sentence):
    found = rules(
        brief(discussion=["Context first. " + sentence]), estimative.CONFIDENCE_WITH_LIKELIHOOD
    )
    assert [f.text for f in found] == [sentence]
    assert found[0].span[0] == len("Context first. ")


APART = [
    "Iran will likely retaliate. We have high confidence in this judgment.",
    "An attack is very likely. Our confidence is moderate.",
    "We have high confidence in the reporting.",
    "Talks are unlikely.",
    "The U.S. military is likely to strike. We have low confidence in this.",
    "Officials expressed confidence in the likely outcome.",
    "The minister said “high confidence, likely success” in a speech.",
    "A vote of no confidence is likely.",
    "Confidence-building measures are unlikely. High confidence.",
    "It is probable. Moderate confidence.",
    "Gen. Smith said it is likely. We have moderate confidence.",
]


@pytest.mark.parametrize("text", APART)
def test_likelihood_and_confidence_apart_are_not_flagged(text):
    assert rules(brief(discussion=[text]), estimative.CONFIDENCE_WITH_LIKELIHOOD) == []


# -- every key judgment states its confidence -----------------------------------------

MISSING = [
    "Iran will likely retaliate.",
    "The militias are unlikely to stop.",
    "Baghdad will ask the coalition to leave.",
    "We are confident the strikes worked.",
    "High stakes drive the groups.",
    "The confidence of the militias has grown.",
    "The spokesman claimed “high confidence” in the truce.",
    "A truce is likely; confidence is growing.",
    "Talks resume in May.",
    "Strikes continue",
    "Confidence-building talks are very likely.",
]


@pytest.mark.parametrize("judgment", MISSING)
def test_a_key_judgment_without_confidence_is_flagged(judgment):
    doc = brief(kjs=[judgment])
    (finding,) = rules(doc, estimative.CONFIDENCE_MISSING)
    assert finding.paragraph == 1 and finding.text == judgment
    fixed = replace_text(doc, finding.unit, *finding.fix_at, finding.replacements[1])
    assert rules(fixed, estimative.CONFIDENCE_MISSING) == []


STATED = [
    "Iran will likely retaliate. We have high confidence in this judgment.",
    "We have low confidence that Baghdad will act.",
    "Moderate confidence: the militias will pause.",
    "We judge with high confidence that the group is weaker.",
    "Our confidence is low that talks resume.",
    "We are moderately confident that talks resume.",
    "We are highly confident the group is weaker.",
    "The group is weaker (medium confidence).",
    "The group is weaker. High-confidence judgment.",
    "We have a high level of confidence in this judgment.",
    "",
]


@pytest.mark.parametrize("judgment", STATED)
def test_a_key_judgment_with_confidence_is_not_flagged(judgment):
    assert rules(brief(kjs=[judgment]), estimative.CONFIDENCE_MISSING) == []


def test_confidence_in_a_sub_point_counts_for_its_judgment_and_other_sections_are_free():
    doc = document.normalize(
        {
            "blocks": [
                document.heading("Key judgments", section="key-judgments"),
                {
                    "type": "list",
                    "items": [
                        {
                            "content": [document.text("Strikes continue.")],
                            "children": [
                                {
                                    "type": "list",
                                    "items": [{"content": [document.text("High confidence.")]}],
                                }
                            ],
                        }
                    ],
                },
                document.heading("Outlook", section="outlook"),
                document.paragraph("Strikes continue."),
            ]
        }
    )
    assert rules(doc, estimative.CONFIDENCE_MISSING) == []


def test_a_heading_titled_key_judgments_without_an_id_counts():
    doc = document.normalize(
        {
            "blocks": [
                document.heading("Key Judgments"),
                document.paragraph("Iran might retaliate."),
            ]
        }
    )
    found = estimative.check(units(doc))
    assert {f.rule for f in found} == {estimative.VAGUE, estimative.CONFIDENCE_MISSING}
    assert {f.section for f in found} == {"Key Judgments"}
