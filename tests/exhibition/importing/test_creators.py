"""The creator parser turns every credit style in the demo collection into the right links."""

import pytest

from exhibition.importing.creators import CreatorCredit, credit_phrase, parse_creators


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Leonardo da Vinci", [CreatorCredit("Leonardo da Vinci")]),
        ("J. M. W. Turner", [CreatorCredit("J. M. W. Turner")]),
        ("Pieter Bruegel the Elder", [CreatorCredit("Pieter Bruegel the Elder")]),
        (
            "James Stuart and Nicholas Revett",
            [CreatorCredit("James Stuart"), CreatorCredit("Nicholas Revett")],
        ),
        (
            "Sydenham Edwards (artist); James Ridgway (publisher)",
            [
                CreatorCredit("Sydenham Edwards", role="artist"),
                CreatorCredit("James Ridgway", role="publisher"),
            ],
        ),
        (
            "attributed to Rembrandt van Rijn",
            [CreatorCredit("Rembrandt van Rijn", qualifier="attributed to")],
        ),
        (
            "manner of Rembrandt van Rijn",
            [CreatorCredit("Rembrandt van Rijn", qualifier="manner of")],
        ),
        (
            "workshop of Rembrandt van Rijn",
            [CreatorCredit("Rembrandt van Rijn", qualifier="workshop of")],
        ),
        ("Peter Paul Rubens (after)", [CreatorCredit("Peter Paul Rubens", qualifier="after")]),
        # Cataloguing notes stay with the credit for curators; the public qualifier is
        # the museum's term for what the note implies.
        (
            "Govert Flinck (attribution as given by source)",
            [
                CreatorCredit(
                    "Govert Flinck",
                    qualifier="attributed to",
                    note="attribution as given by source",
                )
            ],
        ),
        (
            "Rembrandt van Rijn (attribution as given by source)",
            [
                CreatorCredit(
                    "Rembrandt van Rijn",
                    qualifier="attributed to",
                    note="attribution as given by source",
                )
            ],
        ),
        (
            "Gyosai Chikamaro (as named by source)",
            [CreatorCredit("Gyosai Chikamaro", note="as named by source")],
        ),
        (
            "Louis Dubeux (publication)",
            [CreatorCredit("Louis Dubeux", role="author of publication")],
        ),
        # Parentheses that are part of a name stay in it.
        ("Dornac (Paul Marsan)", [CreatorCredit("Dornac (Paul Marsan)")]),
        (
            "American Colony (Jerusalem) Photo Department",
            [CreatorCredit("American Colony (Jerusalem) Photo Department")],
        ),
        # A body whose name contains "and" is one agent.
        (
            "Wanzai County Workers', Peasants' and Soldiers' Bank",
            [CreatorCredit("Wanzai County Workers', Peasants' and Soldiers' Bank")],
        ),
        ("International Banking Corporation", [CreatorCredit("International Banking Corporation")]),
        ("Deutsch-Asiatische Bank", [CreatorCredit("Deutsch-Asiatische Bank")]),
        ("Fonds Eugène Trutat", [CreatorCredit("Fonds Eugène Trutat")]),
        ("Currier and Ives", [CreatorCredit("Currier and Ives")]),
        ("Anonymous", []),
        ("", []),
        (None, []),
    ],
)
def test_parse_creators_gives_agent_role_and_qualifier(
    credit: str | None, expected: list[CreatorCredit]
) -> None:
    assert parse_creators(credit) == expected


def test_parse_creators_drops_repeated_credits_and_extra_spaces() -> None:
    assert parse_creators("  Raphael ;Raphael;  ") == [CreatorCredit("Raphael")]


@pytest.mark.parametrize(
    ("credit", "phrase"),
    [
        ("Leonardo da Vinci", "by Leonardo da Vinci"),
        ("James Stuart and Nicholas Revett", "by James Stuart and Nicholas Revett"),
        ("attributed to Rembrandt van Rijn", "attributed to Rembrandt van Rijn"),
        ("Peter Paul Rubens (after)", "after Peter Paul Rubens"),
        ("Gyosai Chikamaro (as named by source)", "by Gyosai Chikamaro"),
        ("Govert Flinck (attribution as given by source)", "attributed to Govert Flinck"),
        ("Anonymous", ""),
    ],
)
def test_credit_phrase_reads_naturally_in_alt_text(credit: str, phrase: str) -> None:
    assert credit_phrase(parse_creators(credit)) == phrase
