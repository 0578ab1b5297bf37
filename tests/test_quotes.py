from pathlib import Path

import pytest

from reader.articles import parse_article
from reader.index import build_index
from reader.quotes import extract_quotes
from reader.speakers import split_speaker


def quotes_of(text: str):
    paragraphs, position = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((position, position + len(part)))
        position += len(part) + 2
    return extract_quotes(text, paragraphs)


@pytest.fixture(scope="module")
def index():
    return build_index(Path(__file__).resolve().parent.parent / "seeds")


def speakers(index, article_id: str) -> list[tuple[str, str | None]]:
    return [(q.text[:30], q.speaker) for q in index.article(article_id).quotes]


def test_seed_quotes_and_speakers(index) -> None:
    assert speakers(index, "000_96b56c3d77251b90.txt") == [
        ("Missile and bomb strikes were ", "Russian Centre for the Reconciliation of Enemy Parties"),
        ("I am a son of Aleppo and was d", "Ali Jumaa"),
        ("Our armed forces carried out a", "Syrian army officials"),
        ("a designated terrorist organiz", "White House National Security Council"),
        ("Syria’s refusal to engage in a", "Sean Savett"),
    ]
    assert speakers(index, "002_498ac0c67ef683ba.txt")[2] == ("There has been no fighting, no", "Rami Abdel Rahman")


def test_speaker_description_is_kept(index) -> None:
    jumaa = index.article("000_96b56c3d77251b90.txt").quotes[1]
    assert (jumaa.speaker, jumaa.speaker_role) == ("Ali Jumaa", "a rebel fighter")
    savett = index.article("000_96b56c3d77251b90.txt").quotes[4]
    assert (savett.speaker, savett.speaker_role) == ("Sean Savett", "NSC spokesperson")


def test_pronoun_resolves_to_the_named_person(index) -> None:
    quotes = index.article("004_1f12a4c88092379e.txt").quotes
    assert [(q.speaker, q.resolved) for q in quotes[:3]] == [
        ("Mohammad Al Abdo", True),
        ("Mohammad Al Abdo", True),
        ("Abdulkafi Alhamdo", True),
    ]


def test_offsets_point_at_the_quote(index) -> None:
    for article in index.articles:
        for quote in article.quotes:
            assert article.text[quote.start : quote.end] == quote.text
            assert article.text[quote.start - 1] in "“\""


def test_stray_closing_mark_makes_no_quote(index) -> None:
    texts = [q.text for q in index.article("001_9fe83e35984676be.txt").quotes]
    assert "playing with fire" in texts
    assert not any("smuggling of arms" in t for t in texts)


def test_unattributed_quote_has_no_speaker() -> None:
    (quote,) = quotes_of('“It is a start, and more will follow,” read a banner. The plan was called “a disaster” by some.')
    assert (quote.text, quote.speaker) == ("It is a start, and more will follow", None)  # "a disaster": scare quotes


def test_british_single_quotes_and_apostrophes() -> None:
    quotes = quotes_of("'We have no choice,' said Mick Lynch. The union's members' pay hasn't risen. ‘It is over,’ he said.")
    assert [(q.text, q.speaker) for q in quotes] == [("We have no choice", "Mick Lynch"), ("It is over", "Mick Lynch")]


def test_single_quotes_inside_double_quotes_are_part_of_it() -> None:
    (quote,) = quotes_of("“They call it a 'betrayal of the nation', but it is not,” said Elena Petrova.")
    assert quote.text == "They call it a 'betrayal of the nation', but it is not"


def test_colon_and_dash_attribution() -> None:
    assert quotes_of('Lavrov: "We are ready for dialogue."')[0].speaker == "Lavrov"
    kremlin = quotes_of('A Kremlin spokesman — "No decisions have been taken" — declined to comment.')[0]
    assert (kremlin.speaker, kremlin.speaker_role) == ("Kremlin", "spokesman")


def test_split_quote_keeps_its_speaker() -> None:
    quotes = quotes_of('“We are ready,” the minister said, “to talk.”')
    assert [(q.text, q.speaker) for q in quotes] == [("We are ready", "the minister"), ("to talk.", "the minister")]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = "“The first paragraph of the statement.\n\n“The second paragraph,” said Jane Doe."
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The first paragraph") and quote.text.endswith("The second paragraph")
    assert quote.speaker == "Jane Doe"


def test_unclosed_quote_does_not_swallow_the_article() -> None:
    text = "He said “this never closes.\n\nA later paragraph with “a real quote” in it.\n\nThe end."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["a real quote"]


def test_straight_quotes() -> None:
    (quote,) = quotes_of('"We will return," said Maria Lopez, a teacher.')
    assert (quote.text, quote.speaker, quote.speaker_role) == ("We will return", "Maria Lopez", "a teacher")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ('“It is over,” he told Reuters. ', "he"),
        ('According to Ahmed Ali, “the town fell.”', "Ahmed Ali"),
        ('A statement from the Interior Ministry said “order is restored.”', "Interior Ministry"),
        ('Sergei Lavrov stated, “We are concerned.”', "Sergei Lavrov"),
    ],
)
def test_attribution_patterns(sentence: str, speaker: str) -> None:
    (quote,) = quotes_of(sentence)
    assert quote.speaker == speaker


def test_name_and_role_are_kept_apart() -> None:
    assert split_speaker("Russian Foreign Minister Sergei Lavrov") == ("Sergei Lavrov", "Russian Foreign Minister")
    assert split_speaker("the ministry") == ("the ministry", None)


def test_quotes_in_a_parsed_article() -> None:
    article = parse_article("x.txt", 'A headline about the talks today\n\n"We are ready," said Ana Ruiz.\n')
    assert [(q.text, q.speaker) for q in article.quotes] == [("We are ready", "Ana Ruiz")]


def resolved_speakers(text: str) -> list[tuple[str | None, str | None, bool]]:
    return [(q.speaker, q.speaker_role, q.resolved) for q in quotes_of(text)]


def test_descriptions_resolve_to_the_named_speaker_in_the_seeds(index) -> None:
    quotes = index.article("001_9fe83e35984676be.txt").quotes
    by_text = {q.text[:12]: (q.speaker, q.speaker_role, q.resolved) for q in quotes}
    # "The prime minister also warned ...", two paragraphs after "Prime Minister Benjamin Netanyahu".
    assert by_text["playing with"] == ("Benjamin Netanyahu", "Prime Minister", True)
    # "..., the ministry said", after a quote from "the Russian Foreign Ministry".
    assert by_text["Both sides e"] == ("Russian Foreign Ministry", None, True)
    # "A spokesperson for the US State Department": the body speaks; its spokesperson is the role.
    assert by_text["monitoring t"] == ("US State Department", "spokesperson", False)
    # "A military statement acknowledged ..." after "Syria’s military confirmed ..."
    assert index.article("002_498ac0c67ef683ba.txt").quotes[1].speaker == "Syria’s military"


def test_a_spokesperson_speaks_for_the_body_named_before() -> None:
    text = (
        "The Energy Networks Association said engineers had reconnected most customers.\n\n"
        "\u201cWe know how hard it is,\u201d a spokesperson said."
    )
    assert resolved_speakers(text) == [("Energy Networks Association", "spokesperson", True)]


def test_a_surname_takes_the_full_name_and_role_given_earlier() -> None:
    text = (
        "Council member Ray Ortiz, who leads the finance committee, was not persuaded.\n\n"
        "\u201cThe numbers simply do not add up,\u201d Ortiz said."
    )
    assert resolved_speakers(text) == [("Ray Ortiz", "Council member", True)]


def test_a_description_nothing_fits_stays_as_written() -> None:
    from reader.speakers import is_unresolved

    text = (
        "Prime Minister Keir Starmer visited the region.\n\n"
        "\u201cStay indoors,\u201d the health ministry said."
    )
    [quote] = quotes_of(text)
    # A prime minister is no ministry: the words stay, marked unresolved.
    assert (quote.speaker, quote.resolved) == ("the health ministry", False)
    assert is_unresolved(quote.speaker)


def test_a_description_never_takes_a_later_name() -> None:
    text = (
        "\u201cWe will respond,\u201d the ministry said.\n\n"
        "The Russian Foreign Ministry later issued a statement."
    )
    assert resolved_speakers(text) == [("the ministry", None, False)]


def test_role_drops_the_dateline() -> None:
    text = (
        "SPRINGFIELD, Ill. (AP) \u2014 Mayor Laura Chen defended her plan on Tuesday.\n\n"
        "\u201cWe are not going to close a single branch,\u201d she said."
    )
    assert resolved_speakers(text) == [("Laura Chen", "Mayor", True)]
