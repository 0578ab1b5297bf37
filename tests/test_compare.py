"""Across outlets: quote groups, claims and people, on the seeds and on articles written to differ."""

from pathlib import Path

import pytest

from reader.compare import compare, speakers_compatible, word_diff
from reader.index import build_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds():
    return compare(build_index(ROOT / "seeds"))


@pytest.fixture(scope="module")
def written():
    return compare(build_index(ROOT / "tests" / "compare"))


def claim_with(comparison, *texts: str):
    """The claim whose values are exactly these figure texts (in article order)."""
    for claim in comparison.claims:
        if [v.text for v in claim.values] == list(texts):
            return claim
    found = [[v.text for v in c.values] for c in comparison.claims]
    raise AssertionError(f"no claim of {texts}; claims: {found}")


def test_ali_jumaa_is_one_group_across_two_articles(seeds) -> None:
    jumaa = [g for g in seeds.quote_groups if g.members[0].speaker == "Ali Jumaa"]
    assert len(jumaa) == 1
    assert jumaa[0].articles == ("000_96b56c3d77251b90.txt", "001_9fe83e35984676be.txt")


def test_the_armys_redeployment_statement_groups_despite_its_wording(seeds) -> None:
    [group] = [g for g in seeds.quote_groups if "redeployment operation" in g.members[0].text]
    texts = {m.article[:3]: m.text for m in group.members}
    assert set(texts) == {"000", "001"}
    assert texts["000"] != texts["001"]  # worded differently, one statement
    assert {m.speaker for m in group.members} == {"Syrian army officials", "Syrian military command"}


def test_group_lookup_by_quote(seeds) -> None:
    index = build_index(ROOT / "seeds")
    article = index.article("001_9fe83e35984676be.txt")
    number = next(i for i, q in enumerate(article.quotes) if q.speaker == "Ali Jumaa")
    group = seeds.group_of(article.id, number)
    assert group is not None and "000_96b56c3d77251b90.txt" in group.articles
    assert seeds.group_of(article.id, 0) is None  # the State Department's words: one article only


def test_russian_strikes_death_toll_is_disputed(seeds) -> None:
    claim = claim_with(seeds, "300", "200")
    assert claim.status == "disputed"
    assert [v.attributed_to for v in claim.values] == [
        "Russian Centre for the Reconciliation of Enemy Parties",
        "State television",
    ]


def test_four_civilians_killed_in_idlib_is_agreed(seeds) -> None:
    claim = claim_with(seeds, "four", "four")
    assert claim.status == "agreed"
    assert {v.article[:3] for v in claim.values} == {"000", "001"}
    # The Observatory's 28 civilians are another count: not in this claim.
    assert claim_with(seeds, "28").status == "single"


def test_durations_join_only_when_their_events_match(seeds) -> None:
    # "72 hours" for Russian reinforcements, for aid arriving, for military support: what each
    # outlet says will happen differs, so three claims, and no claim is named by its unit.
    assert claim_with(seeds, "72 hours").status == "single"
    assert sum(1 for c in seeds.claims if [v.text for v in c.values] == ["72 hours"]) == 3
    assert not [c for c in seeds.claims if c.counts in ("hours", "years", "months")]
    # One quote in two articles: displaced eight years ago, one claim.
    assert claim_with(seeds, "eight years", "eight years").counts == "displaced"


def test_agreements_of_different_years_are_never_one_claim(seeds) -> None:
    assert claim_with(seeds, "2020", "2020").status == "agreed"
    assert claim_with(seeds, "2019").status == "single"


def test_a_war_toll_and_a_weeks_toll_are_different_claims(seeds) -> None:
    # "hundreds of thousands" killed in the war and 301 in the recent fighting: orders apart.
    assert claim_with(seeds, "301").status == "single"


def test_disputed_claims_come_first(seeds) -> None:
    statuses = [c.status for c in seeds.claims]
    assert statuses == sorted(statuses, key=["disputed", "agreed", "single"].index)


def test_people_have_roles_quotes_and_articles(seeds) -> None:
    people = {p.name: p for p in seeds.people}
    assert people["Ali Jumaa"].quotes == 2 and len(people["Ali Jumaa"].articles) == 2
    assert people["Sergei Lavrov"].role == "Russian Foreign Minister"  # named, never quoted
    assert people["Benjamin Netanyahu"].quotes == 1
    # "Bashar al-Assad" and "Bashar Assad": one person.
    assert "Bashar Assad" not in people and len(people["Bashar al-Assad"].articles) >= 3


def test_respelled_quote_groups_but_same_words_from_another_speaker_do_not(written) -> None:
    groups = [[m.speaker for m in g.members] for g in written.quote_groups]
    # Tomas Bassel / Tomas Bassil: one harbour master, one statement reworded.
    assert ["Tomas Bassel", "Tomas Bassil"] in groups or ["Tomas Bassil", "Tomas Bassel"] in groups
    # The governor and the mayor say the same words: two statements, never one group.
    assert not any("Ana Ruiz" in g and "Luis Ortega" in g for g in groups)
    assert len(groups) == 1


def test_same_number_counting_different_things_is_two_claims(written) -> None:
    assert claim_with(written, "12").status == "single"
    assert sum(1 for c in written.claims if [v.text for v in c.values] == ["12"]) == 2
    assert claim_with(written, "Thirty-five", "40").status == "disputed"  # died / killed in the floods
    assert claim_with(written, "50 years", "fifty years").status == "agreed"
    assert claim_with(written, "2019").status == "single" and claim_with(written, "2020").status == "single"


def test_speakers_compatible() -> None:
    assert speakers_compatible("Ali Jumaa", "Jumaa")
    assert speakers_compatible("Syrian army officials", "Syrian military command")
    assert not speakers_compatible("Ali Jumaa", "Ali Hassan")
    assert speakers_compatible("he", "Ali Hassan")  # unresolved rules nothing out


def test_word_diff_marks_what_changed() -> None:
    parts = word_diff("we have seen in fifty years", "we've seen in 50 years")
    assert ("removed", "fifty") in parts and ("added", "50") in parts
    assert ("same", "seen in") in parts


def test_json_shape(seeds) -> None:
    data = seeds.to_json()
    assert set(data) == {"quote_groups", "claims", "people"}
    assert set(data["quote_groups"][0]["members"][0]) == {"article", "text", "speaker", "start", "end"}
    assert {"counts", "status", "values"} <= set(data["claims"][0])
    assert set(data["claims"][0]["values"][0]) == {"article", "text", "value", "start", "end", "attributed_to"}
    assert set(data["people"][0]) == {"name", "role", "quotes", "articles"}


def test_offsets_point_at_the_text(seeds) -> None:
    index = build_index(ROOT / "seeds")
    for group in seeds.quote_groups:
        for m in group.members:
            assert index.article(m.article).text[m.start : m.end] == m.text
    for claim in seeds.claims:
        for v in claim.values:
            assert index.article(v.article).text[v.start : v.end] == v.text
