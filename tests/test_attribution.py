"""Quotation marks and the grammar of attribution, one shape a test, on sentences written for them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.quotes import extract_quotes


def quotes_of(text: str):
    paragraphs, position = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((position, position + len(part)))
        position += len(part) + 2
    return extract_quotes(text, paragraphs)


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes_of(text)]


def only(text: str):
    (quote,) = quotes_of(text)
    return quote


# -- Marks ----------------------------------------------------------------------


def test_curly_and_straight_marks() -> None:
    assert said("“The bridge will open in May,” said Nora Quint.") == [("The bridge will open in May", "Nora Quint")]
    assert said('"The bridge will open in May," said Nora Quint.') == [("The bridge will open in May", "Nora Quint")]


def test_two_apostrophes_pair_like_quote_marks() -> None:
    text = "''We ran out of sandbags by noon,'' said Omar Feld, the county's flood officer."
    quote = only(text)
    assert (quote.text, quote.speaker, quote.speaker_role) == ("We ran out of sandbags by noon", "Omar Feld", "the county's flood officer")
    assert text[quote.start : quote.end] == quote.text


def test_backticks_open_and_two_apostrophes_close() -> None:
    quote = only("``The levee held,'' the engineer said.")
    assert (quote.text, quote.speaker) == ("The levee held", "the engineer")


def test_single_quotes_inside_typewriter_quotes_stay_inside() -> None:
    quote = only("''She told me, 'Keep the pumps running,' and I did,'' said Ivo Brandt.")
    assert quote.text == "She told me, 'Keep the pumps running,' and I did"
    assert quote.speaker == "Ivo Brandt"


def test_a_quote_over_paragraphs_is_one_quote_with_one_speaker() -> None:
    text = (
        "Lena Ostrova, the harbour master, described the night.\n\n"
        "“The first wave came over the wall at two.\n\n"
        "“By four the quay was under a metre of water,” she said."
    )
    quote = only(text)
    assert quote.text.startswith("The first wave") and quote.text.endswith("metre of water")
    assert (quote.speaker, quote.resolved) == ("Lena Ostrova", True)


def test_typewriter_quote_over_paragraphs() -> None:
    text = "''We have no reserves left.\n\n''None at all,'' said Petra Lind."
    assert said(text) == [("We have no reserves left.\n\n''None at all", "Petra Lind")]


def test_scare_quotes_and_titles_are_left_out() -> None:
    text = "Critics call the plan a “stopgap”. The council will screen the film “Rivers of Salt” on Friday."
    assert quotes_of(text) == ()
    text = "Protesters outside the council chanted “Keep Our Rivers Clean” until dusk."
    assert said(text) == [("Keep Our Rivers Clean", "Protesters outside the council")]


def test_a_short_quote_with_its_own_cue_is_kept() -> None:
    assert said("“Nonsense,” the mayor said.") == [("Nonsense", "the mayor")]


# -- Cues and order -------------------------------------------------------------


def test_cue_verbs_beyond_said() -> None:
    for verb in ("joked", "lamented", "interjected", "reiterated", "quipped", "tweeted", "fired back"):
        quote = only(f"“Nobody reads the minutes,” Carla Benz {verb}.")
        assert quote.speaker == "Carla Benz", verb


def test_both_orders() -> None:
    assert said("“We will appeal,” said Jonas Weil.") == [("We will appeal", "Jonas Weil")]
    assert said("“We will appeal,” Jonas Weil said.") == [("We will appeal", "Jonas Weil")]
    assert said("Jonas Weil said: “We will appeal.”") == [("We will appeal.", "Jonas Weil")]


def test_told_names_the_teller_not_the_listener() -> None:
    assert said("“The count is final,” Mira Soto told reporters on Tuesday.")[0][1] == "Mira Soto"
    assert said("Mira Soto told the Ledger, “The count is final.”")[0][1] == "Mira Soto"


def test_wrote_on_a_platform() -> None:
    assert said("“Proud of our volunteers today,” Dana Kirsch wrote on Twitter.")[0][1] == "Dana Kirsch"


# -- Names, titles and roles ----------------------------------------------------


def test_honorific_gives_the_surname_and_the_earlier_mention_the_full_name() -> None:
    text = (
        "Governor Alma Reyes signed the budget on Monday.\n\n"
        "“It is a lean year,” Ms. Reyes said."
    )
    quote = only(text.split("\n\n", 1)[1])
    assert quote.speaker == "Reyes"
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.speaker_role, quote.resolved) == ("Alma Reyes", "Governor", True)


def test_party_and_state_in_parentheses_go_to_the_role() -> None:
    quote = only("“This bill is dead on arrival,” Rep. Tom Varga (D-Ohio) said.")
    assert quote.speaker == "Tom Varga"
    assert "D-Ohio" in quote.speaker_role and "Rep." in quote.speaker_role


def test_role_after_a_comma() -> None:
    quote = only("“The tariffs will stay,” Sen. Ruth Hale, Republican of Kansas, said.")
    assert quote.speaker == "Ruth Hale"
    assert "Republican of Kansas" in quote.speaker_role
    quote = only("“We were not consulted,” said Ines Bauer, a spokeswoman for the farmers’ union.")
    assert (quote.speaker, quote.speaker_role) == ("Ines Bauer", "a spokeswoman for the farmers’ union")


def test_title_before_the_name_is_the_role() -> None:
    quote = only("“Rates will fall,” central bank Governor Leo Marsh said last month.")
    assert quote.speaker == "Leo Marsh"
    assert quote.speaker_role == "central bank Governor"


def test_spokeswoman_named_after_her_employer() -> None:
    quote = only("“The senator has no comment,” Hale’s spokeswoman, Ada Frost, said.")
    assert (quote.speaker, quote.speaker_role) == ("Ada Frost", "Hale’s spokeswoman")


# -- Other shapes ---------------------------------------------------------------


def test_according_to() -> None:
    assert said("The levy was “never meant to be permanent,” according to Paul Ide.")[0][1] == "Paul Ide"
    assert said("According to Paul Ide, the levy was “never meant to be permanent.”")[0][1] == "Paul Ide"


def test_passive_names_the_agent_or_no_one() -> None:
    assert said("“Leave the light on” was written by Jo Marr in 1981.")[0][1] == "Jo Marr"
    assert said("The budget was called “a betrayal of every renter in the city” in letters to the paper.")[0][1] is None


def test_quoted_as_saying() -> None:
    assert said("The Ledger quoted Ann Rusk as saying, “We are not for sale.”")[0][1] == "Ann Rusk"


def test_as_someone_puts_it() -> None:
    assert said("The vote is, as Ben Orr puts it, “a coin toss with extra steps.”")[0][1] == "Ben Orr"


def test_colon_after_the_speaker() -> None:
    assert said("Kai Lund: “We start again tomorrow.”")[0][1] == "Kai Lund"
    assert said("The statement surprised nobody, least of all the mayor, Rosa Diaz: “We saw it coming.”")[0][1] == "Rosa Diaz"


def test_paragraph_ending_in_a_colon_hands_its_speaker_to_the_quote_below() -> None:
    text = "In her letter, the principal, Greta Holm, wrote:\n\n“The school will stay open through the summer.”"
    assert said(text)[0][1] == "Greta Holm"


def test_speaker_carried_over_a_quote_run() -> None:
    text = (
        "“The pumps failed first,” said Tomas Ek, who runs the station.\n\n"
        "“Then the backup generator would not start.”\n\n"
        "The city has ordered an inquiry."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.resolved) for q in quotes] == [("Tomas Ek", False), ("Tomas Ek", True)]


def test_second_quote_in_a_paragraph_keeps_its_speaker() -> None:
    assert said("“We tried,” Ella Voss said. “Twice.”") == [("We tried", "Ella Voss"), ("Twice.", "Ella Voss")]


def test_manner_phrase_interjection_and_clause_opener_are_not_speakers() -> None:
    assert said("“Stay back,” he said in a low voice, to Marta Kline.")[0][1] == "he"
    assert said("“Well, no,” said Ivan Roth, laughing.")[0][1] == "Ivan Roth"
    assert said("Unlike her rival, Lucia Ferro said, “I will debate anyone.”")[0][1] == "Lucia Ferro"
    assert said("In a low voice, the witness said, “I saw the car.”")[0][1] == "the witness"


def test_subject_of_the_sentence_for_a_verb_of_no_list() -> None:
    assert said("Olga Brenn has gone after the board as “a club for the comfortable.”")[0][1] == "Olga Brenn"


# -- Pronouns and descriptions --------------------------------------------------


def test_pronoun_resolves_to_the_nearest_person_of_its_gender() -> None:
    text = "Mr. Aldo Pinter met Ms. Vera Lusk on Monday. Vera Lusk later spoke to the press.\n\n“I am hopeful,” she said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.resolved) == ("Vera Lusk", True)
    text = "Ms. Vera Lusk met Mr. Aldo Pinter on Monday.\n\n“I am hopeful,” he said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.resolved) == ("Aldo Pinter", True)


def test_it_resolves_to_a_body_not_a_person() -> None:
    text = "The Harbour Authority, led by Sven Ruud, closed the port.\n\n“Safety comes first,” it said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.resolved) == ("Harbour Authority", True)


def test_pronoun_with_nothing_compatible_near_stays_as_written() -> None:
    text = "The storm moved north overnight.\n\n“I have never seen water like it,” she said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.resolved) == ("she", False)


def test_description_resolves_to_the_earlier_mention() -> None:
    text = "Mayor Rosa Diaz toured the flooded streets.\n\n“We will rebuild,” the mayor said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.speaker_role, quote.resolved) == ("Rosa Diaz", "Mayor", True)


# -- Properties -----------------------------------------------------------------

_PIECES = st.sampled_from(
    ["''", "``", "“", "”", '"', "'", "‘", "’", " said ", " Mr. Ek", " he", ", ", ". ", "\n\n", "Ana Ruiz", " told ", ":", "—", "(D-Mo.)", "word"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_mix_of_marks_and_cues_never_raises_and_offsets_hold(text: str) -> None:
    for quote in quotes_of(text):
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["Mr.", "Mr", "Mrs.", "Ms.", "Ms", "Mrs", "Miss", "Ortiz", "Ortizz", "Or", " ", "s", "iss"]), max_size=12),
    st.sampled_from(["Ortiz", "Or", "Ortizz", "s", "iss"]),
)
def test_gender_from_honorifics_as_substrings_read_it(tokens, surname):
    from reader.coreference import Genders

    text = " ".join(tokens)
    if f"Mr. {surname}" in text or f"Mr {surname}" in text:
        expected = "m"
    elif any(f"{h} {surname}" in text for h in ("Mrs.", "Ms.", "Ms", "Mrs", "Miss")):
        expected = "f"
    else:
        expected = None
    assert Genders(text)[surname] == expected
