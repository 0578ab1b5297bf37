"""The cleaning's shortcuts answer as the patterns they stand in front of do."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader import cleaning

HEADER_WORDS = sorted(cleaning._HEADER_WORD_SET)


@settings(max_examples=400)
@given(st.text(alphabet="newsbyonlatehmuipdrkcsfNBOLHP :\xa0\t1.,ſK", max_size=12))
def test_header_chrome_as_the_pattern_reads_it(line):
    assert cleaning.is_header_chrome(line) == bool(cleaning._HEADER_WORDS.match(line.strip()))


@settings(max_examples=400)
@given(st.sampled_from(HEADER_WORDS), st.sampled_from(["", " ", "\xa0"]), st.sampled_from(["", ":", " :", "  : ", "\t", ".", "s", "ſ"]), st.booleans())
def test_header_words_in_any_case(word, before, after, upper):
    line = before + (word.upper() if upper else word.title()) + after
    assert cleaning.is_header_chrome(line) == bool(cleaning._HEADER_WORDS.match(line.strip()))


def test_dateline_needs_capitals_at_once():
    assert cleaning.find_dateline("ALEPPO, Syria. Rebel forces advanced.").text == "ALEPPO, Syria."
    assert cleaning.find_dateline("AMMAN:").text == "AMMAN:"
    assert cleaning.find_dateline("The rebels advanced.") is None
    assert cleaning.find_dateline("A") is None
