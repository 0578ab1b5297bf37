"""Quantities as news writes them: units, money, ranges, qualifiers and what durations measure.

Every sentence here is written for these tests.
"""

import pickle

import pytest

from reader.figures import Figure, extract_figures


def figures_of(text: str) -> tuple[Figure, ...]:
    return extract_figures(text, [(0, len(text))])


def the(text: str, figure: str) -> Figure:
    found = [f for f in figures_of(text) if f.text == figure]
    assert found, [(f.text, f.kind, f.value) for f in figures_of(text)]
    return found[0]


@pytest.mark.parametrize(
    "text, figure, kind, value, unit, unit_name",
    [
        # digits with separators and decimals, words, mixed
        ("The fund now holds 14,500.75 tonnes of grain.", "14,500.75 tonnes", "measure", 14500.75, "tonnes", "metric ton"),
        ("Officials counted twenty-three boats.", "twenty-three", "count", 23, None, None),
        ("About 1.5 million voters stayed home.", "1.5 million", "count", 1_500_000, None, None),
        ("Two dozen lorries queued at the border.", "Two dozen", "count", 24, None, None),
        ("The bill runs to 3.2bn pages of annexes.", "3.2bn", "count", 3_200_000_000, None, None),
        ("The crowd was estimated at half a million.", "half a million", "count", 500_000, None, None),
        # percentages and percentage points
        ("Turnout slipped to 61.5% on Sunday.", "61.5%", "percent", 61.5, "%", "percent"),
        ("Inflation eased 0.4 percentage points in May.", "0.4 percentage points", "percent", 0.4, "percentage points", "percentage point"),
        ("Sales grew 12 per cent last year.", "12 per cent", "percent", 12, "per cent", "percent"),
        # money in its common forms
        ("The club paid $4.2M for the striker.", "$4.2M", "money", 4_200_000, "$", "US dollar"),
        ("The bridge will cost £2bn.", "£2bn", "money", 2_000_000_000, "£", "pound sterling"),
        ("Canberra pledged A$350m in aid.", "A$350m", "money", 350_000_000, "A$", "Australian dollar"),
        ("The firm raised US$12 million.", "US$12 million", "money", 12_000_000, "US$", "US dollar"),
        ("A kilo of rice costs RM4.50 in Penang.", "RM4.50", "money", 4.5, "RM", "Malaysian ringgit"),
        ("Tickets sell for Rs 500 each.", "Rs 500", "money", 500, "Rs", "Indian rupee"),
        ("The ministry set aside 80 billion yuan.", "80 billion yuan", "money", 80_000_000_000, "yuan", "Chinese yuan"),
        ("Fines rose to 5,000 euros.", "5,000 euros", "money", 5000, "euros", "euro"),
        ("A loaf now costs 145p.", "145p", "money", 145, "p", "penny"),
        ("Shares closed at 312 pence.", "312 pence", "money", 312, "pence", "penny"),
        ("The fare is €2.40 a ride.", "€2.40", "money", 2.4, "€", "euro"),
        ("The order was worth GBP 350.", "GBP 350", "money", 350, "GBP", "pound sterling"),
        ("Bread costs 2,000 Syrian pounds in Aleppo.", "2,000 Syrian pounds", "money", 2000, "Syrian pounds", "Syrian pound"),
        ("Stamps cost 3 dollars 50 cents now.", "3 dollars 50 cents", "money", 3.5, "dollars", "US dollar"),
        # the cents left unnamed; a scale or a scale's letter with a currency code
        ("A ticket to the fair costs 12 dollars 75.", "12 dollars 75", "money", 12.75, "dollars", "US dollar"),
        ("The upgrade adds 9 euros and 20 more.", "9 euros and 20", "money", 9.2, "euros", "euro"),
        ("The stall charged eleven dollars thirty for a basket.", "eleven dollars thirty", "money", 11.3, "dollars", "US dollar"),
        ("The carrier booked 42 USD million in fees.", "42 USD million", "money", 42_000_000, "USD", "US dollar"),
        ("Write-downs topped 65 MEUR last year.", "65 MEUR", "money", 65_000_000, "MEUR", "euro"),
        ("Orders stood at MUSD 18 at the close.", "MUSD 18", "money", 18_000_000, "MUSD", "US dollar"),
        # units written out or abbreviated, attached or spaced
        ("The new phone ships with 512GB of storage.", "512GB", "measure", 512, "GB", "gigabyte"),
        ("Gusts reached 70 mph on the coast.", "70 mph", "measure", 70, "mph", "mile per hour"),
        ("Gusts reached 113 km/h on the coast.", "113 km/h", "measure", 113, "km/h", "kilometre per hour"),
        ("The border lies 40km to the north.", "40km", "measure", 40, "km", "kilometre"),
        ("The suitcase weighed 23kg at check-in.", "23kg", "measure", 23, "kg", "kilogram"),
        ("He lost 14 lb over the winter.", "14 lb", "measure", 14, "lb", "pound-mass"),
        ("Temperatures hit 41°C in Seville.", "41°C", "measure", 41, "°C", "degree Celsius"),
        ("Phoenix saw 112°F on Tuesday.", "112°F", "measure", 112, "°F", "degree Fahrenheit"),
        ("Water froze at -3 degrees Celsius overnight.", "-3 degrees Celsius", "measure", -3, "degrees Celsius", "degree Celsius"),
        ("Lines run at 100Mbps in the city.", "100Mbps", "measure", 100, "Mbps", "megabit per second"),
        ("The turbine is rated at 15 MW offshore.", "15 MW", "measure", 15, "MW", "megawatt"),
        ("The engine makes 300 bhp at 6,500 rpm.", "300 bhp", "measure", 300, "bhp", "horsepower"),
        ("The engine makes 300 bhp at 6,500 rpm.", "6,500 rpm", "measure", 6500, "rpm", "revolution per minute"),
        ("The file is 700 MB in size.", "700 MB", "measure", 700, "MB", "megabyte"),
        ("Crews laid a 3-inch pipe under the road.", "3-inch", "measure", 3, "inch", "inch"),
        ("The wall stands 1.8m tall.", "1.8m", "measure", 1.8, "m", "metre"),
        ("Britain's 67m people face higher bills.", "67m", "count", 67_000_000, None, None),
        ("The farm covers 400 hectares of wheat.", "400 hectares", "measure", 400, "hectares", "hectare"),
        ("The charger delivers 3-5W to the watch.", "3-5W", "measure", 3, "W", "watt"),
        ("Madrid baked at 40C on Sunday.", "40C", "measure", 40, "C", "degree Celsius"),
        ("Warming must stay below 1.5C this century.", "1.5C", "measure", 1.5, "C", "degree Celsius"),
        ("The national debt passed $1.2trn in March.", "$1.2trn", "money", 1_200_000_000_000, "$", "US dollar"),
        # fractions, inches, a half, tokenised thousands
        ("Stir in ¾ cup of stock.", "¾ cup", "measure", 0.75, "cup", "cup"),
        ("The trail climbs a half mile to the ridge.", "a half mile", "measure", 0.5, "mile", "mile"),
        ("Each tile is 8 \" wide.", "8 \"", "measure", 8, '"', "inch"),
        ("The monitor measures 27″ across.", "27″", "measure", 27, "″", "inch"),
        ("The centre stands 6 ft 11 in tall.", "11 in", "measure", 11, "in", "inch"),
        ("Organisers expected 40, 000 runners.", "40, 000", "count", 40_000, None, None),
        ("The lake froze at - 12 degrees overnight.", "- 12 degrees", "measure", -12, "degrees", "degree"),
        ("The fund sold its one - third stake.", "one - third", "fraction", 0.3333, None, None),
        ("The stall charged RMB 30 USD 4 for a bowl.", "USD 4", "money", 4, "USD", "US dollar"),
        # ages
        ("A 28-year-old man was arrested.", "28-year-old", "measure", 28, "year-old", "year of age"),
        ("The bridge is 120 years old.", "120 years old", "measure", 120, "years old", "year of age"),
        ("A woman aged 91 was rescued.", "aged 91", "measure", 91, "aged", "year of age"),
        ("She started coding at age 7.", "age 7", "measure", 7, "age", "year of age"),
    ],
)
def test_each_form_has_its_value_kind_and_unit(text: str, figure: str, kind: str, value, unit, unit_name) -> None:
    found = the(text, figure)
    assert (found.kind, found.value, found.unit, found.unit_name) == (kind, value, unit, unit_name)


@pytest.mark.parametrize(
    "text, figure, low, high",
    [
        ("The charger delivers 3-5W to the watch.", "3-5W", 3, 5),
        ("The range grew from 200 to 250 miles this year.", "200 to 250 miles", 200, 250),
        ("The speakers play between 20kHz and 22kHz cleanly.", "20kHz and 22kHz", 20, 22),
        ("Seas will rise 2 to 2.5 degrees Celsius warmer.", "2 to 2.5 degrees Celsius", 2, 2.5),
        ("Walls eight to 10 feet tall ring the yard.", "eight to 10 feet", 8, 10),
        ("The deal is worth $3-4bn to the state.", "$3-4bn", 3_000_000_000, 4_000_000_000),
        ("The download takes ~10 – 15min on a slow line.", "10 – 15min", 10, 15),
    ],
)
def test_a_range_is_one_figure_with_both_ends(text: str, figure: str, low, high) -> None:
    found = the(text, figure)
    assert (found.low, found.high, found.value) == (low, high, low)


def test_a_sum_and_a_count_after_it_stay_two_figures() -> None:
    found = [(f.text, f.value) for f in figures_of("The council paid 40 dollars 25 residents said, and $15 50 times.")]
    assert ("40 dollars", 40) in found and ("25", 25) in found
    assert ("$15", 15) in found


def test_a_quote_mark_closing_a_quote_is_no_inch() -> None:
    assert the('She said "we waited 45" and hung up.', "45").unit is None


def test_the_marks_of_a_list_are_no_figures() -> None:
    found = [f.text for f in figures_of("The plan 1 ) cuts fares, 2) adds buses and (3) hires 40 drivers (about 12 more).")]
    assert found == ["40", "12"]


def test_a_half_after_a_whole_number_is_no_second_figure() -> None:
    assert "a half" not in [f.text for f in figures_of("The siege lasted two and a half months.")]


def test_account_numbers_are_no_figures() -> None:
    assert figures_of("Pay into account 2040-55512345-77 by Friday.") == ()


def test_a_year_after_in_is_a_year_whatever_follows() -> None:
    assert the("Output fell, and in 2019 exports slumped.", "2019").kind == "year"


def test_one_as_a_pronoun_before_a_modal_is_no_count() -> None:
    found = [f.text for f in figures_of("At that price, one could buy a flat. Only one can win. One must wait.")]
    assert found == ["one"]


def test_a_sign_between_two_sums_opens_the_second() -> None:
    found = [(f.text, f.kind) for f in figures_of("The invoices list $ 1,200.50 $ 880.25 for March.")]
    assert found == [("$ 1,200.50", "money"), ("$ 880.25", "money")]


def test_a_price_a_dozen_counts_no_dozen() -> None:
    assert [f.text for f in figures_of("Eggs sold for 90 cents a dozen, and a dozen stalls closed.")] == ["90 cents", "a dozen"]


def test_a_fall_from_one_number_to_another_is_not_a_range() -> None:
    texts = [f.text for f in figures_of("Output fell from 90 to 75 tonnes a day.")]
    assert "90 to 75 tonnes" not in texts


@pytest.mark.parametrize("text, figure", [("United won 5-4 after extra time.", "5-4"), ("He joined in the 2022-23 season.", "2022-23")])
def test_a_score_or_a_season_is_no_range(text: str, figure: str) -> None:
    assert the(text, figure).high is None


def test_the_second_half_of_a_year_is_no_fraction() -> None:
    assert not [f for f in figures_of("Sales rose in the second half of the year.") if f.kind == "fraction"]


def test_a_screen_resolution_is_no_price() -> None:
    assert not [f for f in figures_of("The tablet films in 1080p and 720p.") if f.kind == "money"]


@pytest.mark.parametrize(
    "text, figure, qualifier",
    [
        ("Nearly 400 homes were flooded.", "400", "nearly"),
        ("More than $5bn has been pledged.", "$5bn", "more than"),
        ("The download takes ~10 – 15min on a slow line.", "10 – 15min", "~"),
        ("About 60 km of road was closed.", "60 km", "about"),
    ],
)
def test_approximations_are_kept_as_a_qualifier(text: str, figure: str, qualifier: str) -> None:
    assert the(text, figure).qualifier == qualifier


@pytest.mark.parametrize(
    "text, figure, kind, low, high",
    [
        ("The scheme cost tens of millions of pounds.", "tens of millions", "money", 10_000_000, 100_000_000),
        ("Hundreds of thousands marched on Saturday.", "Hundreds of thousands", "vague", 100_000, 1_000_000),
        ("Thousands of fans waited outside.", "Thousands", "vague", 1_000, 10_000),
    ],
)
def test_vague_orders_of_magnitude_are_a_range(text: str, figure: str, kind: str, low: int, high: int) -> None:
    found = the(text, figure)
    assert (found.kind, found.value, found.low, found.high) == (kind, None, low, high)


def test_an_em_dash_is_no_range() -> None:
    found = figures_of("Revenue is off compared with 2014 — 7.7 percent.")
    assert [(f.text, f.kind) for f in found] == [("2014", "year"), ("7.7 percent", "percent")]


@pytest.mark.parametrize(
    "text, figure, counts",
    [
        ("The talks lasted six hours before a deal was struck.", "six hours", "talks"),
        ("The journalist was detained for three days without charge.", "three days", "detained"),
        ("The town fell after two weeks of heavy shelling.", "two weeks", "heavy shelling"),
        ("He spent five years in prison for the fraud.", "five years", "prison"),
        ("A six-hour meeting ended without agreement.", "six-hour", "meeting"),
        ("The tunnel will take nine years to build.", "nine years", "build"),
        ("Engineers expect the bridge to reopen within 48 hours.", "48 hours", "bridge reopen"),
        ("She became minister six years after she was released from house arrest.", "six years", "released house arrest"),
        ("He served 15 years under house arrest.", "15 years", "house arrest"),
        ("The new contract, agreed on Friday, would last four years.", "four years", "new contract"),
        ("Over the past 13 days the deal was negotiated in Geneva.", "13 days", "deal negotiated"),
    ],
)
def test_a_duration_counts_the_event_it_measures(text: str, figure: str, counts: str) -> None:
    found = the(text, figure)
    assert found.kind == "duration"
    assert set(counts.split()) <= set((found.counts or "").split()), found.counts


def test_two_outlets_72_hours_for_different_events_count_different_things() -> None:
    ceasefire = the("A ceasefire will hold for 72 hours from Friday.", "72 hours")
    troops = the("Fresh troops are expected to arrive in the next 72 hours.", "72 hours")
    assert ceasefire.counts != troops.counts
    assert "hours" not in (ceasefire.counts or "") and "hours" not in (troops.counts or "")


@pytest.mark.parametrize(
    "text, figure, counts",
    [
        ("The company will invest $40m to retrofit a manufacturing plant.", "$40m", "retrofit"),
        ("The 3-inch thickness of the door stopped the blast.", "3-inch", "thickness"),
        ("Turnout slipped to 61.5% on Sunday.", "61.5%", "(percent)"),
        ("Gusts reached 70 mph on the coast.", "70 mph", "(mile per hour)"),
    ],
)
def test_what_money_and_measures_count(text: str, figure: str, counts: str) -> None:
    assert counts in (the(text, figure).counts or "")


@pytest.mark.parametrize(
    "text",
    [
        "The A380 landed at Gate 5G.",
        "Jets such as the F-16 flew overhead.",
        "Call the hotline on +44 20 7946 0958 for help.",
    ],
)
def test_codes_and_phones_take_no_unit(text: str) -> None:
    assert not [f for f in figures_of(text) if f.kind in ("money", "measure")]


def test_a_figure_with_a_unit_pickles_and_stays_frozen() -> None:
    figure = the("Gusts reached 70 mph on the coast.", "70 mph")
    assert pickle.loads(pickle.dumps(figure)) == figure
    with pytest.raises(AttributeError):
        figure.value = 3  # type: ignore[misc]


def test_offsets_point_at_every_quantity() -> None:
    text = "Nearly 400 homes, 70 mph winds, £2bn, 3-5W, from 200 to 250 miles and 41°C in 48 hours."
    for figure in figures_of(text):
        assert text[figure.start : figure.end] == figure.text
