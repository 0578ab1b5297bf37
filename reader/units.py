"""Units of figures: how news writes them after and before a number, and their normal names.

"512GB", "70 mph", "3-inch", "40 deg celsius", "£2bn", "US$5", "250p", "RM30": the table
maps each way of writing a unit to its name ("mile per hour", "US dollar") and the kind
of figure it makes: money, percent, duration or measure. Forms are matched in the
lower-cased text; a few whose case changes the unit ("Mb" a megabit, "MB" a megabyte)
are told apart by the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.wordlists import word_alternation

# (normal name, kind, forms). A form ending in "*" may only stand attached to its number
# ("250p", "100t", "48m"): spaced, these letters are words ("at 5 p", "3 in 10").
_TABLE: tuple[tuple[str, str, str], ...] = (
    # Percentages
    ("percent", "percent", "% percent per|cent pct"),
    ("percentage point", "percent", "percentage|point percentage|points pct|point pct|points ppt* pp*"),
    ("basis point", "percent", "basis|point basis|points bps* bp*"),
    # Durations
    ("second", "duration", "second seconds sec secs"),
    ("minute", "duration", "minute minutes min mins"),
    ("hour", "duration", "hour hours hr hrs h*"),
    ("day", "duration", "day days"),
    ("week", "duration", "week weeks"),
    ("month", "duration", "month months"),
    ("year", "duration", "year years yr yrs"),
    ("decade", "duration", "decade decades"),
    ("century", "duration", "century centuries"),
    # Ages: "five years old", "a 28-year-old", "18 months of age", "87 yo"
    ("year of age", "measure", "years|old year|old year-old years-old years|of|age year|of|age yo y.o. y/o"),
    ("month of age", "measure", "months|old month|old month-old months|of|age"),
    ("week of age", "measure", "weeks|old week|old week-old weeks|of|age"),
    ("day of age", "measure", "days|old day|old day-old days|of|age"),
    # Length
    ("millimetre", "measure", "mm millimetre millimetres millimeter millimeters"),
    ("centimetre", "measure", "cm centimetre centimetres centimeter centimeters"),
    ("decimetre", "measure", "dm decimetre decimetres decimeter decimeters"),
    ("metre", "measure", "m metre metres meter meters"),
    ("kilometre", "measure", "km kms kilometre kilometres kilometer kilometers"),
    ("picometre", "measure", "picometre picometres picometer picometers"),
    ("nanometre", "measure", "nanometre nanometres nanometer nanometers"),
    ("micrometre", "measure", "micrometre micrometres micrometer micrometers micron microns"),
    ("inch", "measure", "inch inches in*"),
    ("foot", "measure", "ft foot feet"),
    ("yard", "measure", "yd yds yard yards"),
    ("mile", "measure", "mile miles"),
    ("nautical mile", "measure", "nautical|mile nautical|miles"),
    ("light year", "measure", "light|year light|years light-year light-years"),
    # Area and volume
    ("square metre", "measure", "m2 m² sq|m square|metre square|metres square|meter square|meters sqm"),
    ("square kilometre", "measure", "km2 km² sq|km square|kilometre square|kilometres square|kilometer square|kilometers"),
    ("square mile", "measure", "sq|mi square|mile square|miles"),
    ("square foot", "measure", "sq|ft square|foot square|feet sqft"),
    ("hectare", "measure", "hectare hectares ha*"),
    ("acre", "measure", "acre acres"),
    ("cubic metre", "measure", "m3 m³ cubic|metre cubic|metres cubic|meter cubic|meters"),
    ("cubic foot", "measure", "cubic|foot cubic|feet"),
    ("millilitre", "measure", "ml millilitre millilitres milliliter milliliters"),
    ("centilitre", "measure", "cl centilitre centilitres"),
    ("litre", "measure", "l* litre litres liter liters"),
    ("gallon", "measure", "gallon gallons gal"),
    ("barrel", "measure", "barrel barrels bbl"),
    ("barrel per day", "measure", "bpd barrels|a|day barrels|per|day"),
    ("teaspoon", "measure", "teaspoon teaspoons tsp"),
    ("tablespoon", "measure", "tablespoon tablespoons tbsp"),
    ("cup", "measure", "cup cups"),
    # Mass
    ("microgram", "measure", "μg µg mcg microgram micrograms microgramme microgrammes"),
    ("milligram", "measure", "mg milligram milligrams milligramme milligrammes"),
    ("gram", "measure", "g* gram grams gramme grammes"),
    ("kilogram", "measure", "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes"),
    ("metric ton", "measure", "t* tonne tonnes metric|ton metric|tons"),
    ("ton", "measure", "ton tons"),
    ("pound-mass", "measure", "lb lbs pound pounds"),  # "pound" and "pounds" are read as money or mass by context
    ("ounce", "measure", "oz ounce ounces"),
    ("carat", "measure", "carat carats"),
    # Speed
    ("kilometre per hour", "measure", "km/h km/hr kmh kph kmph kilometres|per|hour kilometers|per|hour kilometres|an|hour kilometers|an|hour km|an|hour"),
    ("mile per hour", "measure", "mph miles|per|hour miles|an|hour mile|per|hour"),
    ("metre per second", "measure", "m/s metres|per|second meters|per|second"),
    ("knot", "measure", "knot knots"),
    # Temperature and angles
    ("degree Celsius", "measure", "°c °|c ºc celsius celcius centigrade degrees|celsius degree|celsius degrees|celcius deg|celsius deg|c degrees|c degree|c deg.|c °|celsius"),
    ("degree Fahrenheit", "measure", "f* °f °|f ºf fahrenheit farenheit degrees|fahrenheit degree|fahrenheit degrees|farenheit deg|fahrenheit deg|f degrees|f degree|f deg.|f °|fahrenheit"),
    ("kelvin", "measure", "kelvin kelvins"),
    ("degree", "measure", "° º degree degrees deg deg."),
    ("radian", "measure", "rad* radian radians"),
    # Energy, power, electricity, engines
    ("watt", "measure", "w* watt watts"),
    ("kilowatt", "measure", "kw kilowatt kilowatts"),
    ("megawatt", "measure", "mw megawatt megawatts"),
    ("gigawatt", "measure", "gw gigawatt gigawatts"),
    ("kilowatt hour", "measure", "kwh kilowatt-hour kilowatt-hours kilowatt|hours kilowatt|hour"),
    ("megawatt hour", "measure", "mwh megawatt-hour megawatt-hours megawatt|hours"),
    ("gigawatt hour", "measure", "gwh gigawatt-hour gigawatt-hours gigawatt|hours"),
    ("terawatt hour", "measure", "twh terawatt-hour terawatt-hours terawatt|hours"),
    ("volt", "measure", "v* volt volts"),
    ("kilovolt", "measure", "kv kilovolt kilovolts"),
    ("milliampere hour", "measure", "mah"),
    ("horsepower", "measure", "hp bhp horsepower brake|horsepower"),
    ("revolution per minute", "measure", "rpm"),
    ("hertz", "measure", "hz hertz"),
    ("kilohertz", "measure", "khz kilohertz"),
    ("megahertz", "measure", "mhz megahertz"),
    ("gigahertz", "measure", "ghz gigahertz"),
    ("calorie", "measure", "calorie calories kcal"),
    ("decibel", "measure", "db* decibel decibels"),
    # Data
    ("bit", "measure", "bit bits"),
    ("kilobyte", "measure", "kb kilobyte kilobytes"),
    ("megabyte", "measure", "mb megabyte megabytes"),
    ("gigabyte", "measure", "gb gigabyte gigabytes"),
    ("terabyte", "measure", "tb terabyte terabytes"),
    ("petabyte", "measure", "petabyte petabytes"),
    ("megabit", "measure", "megabit megabits"),
    ("gigabit", "measure", "gigabit gigabits"),
    ("kilobit per second", "measure", "kbps kbit/s kb/s"),
    ("megabit per second", "measure", "mbps mbit/s mb/s megabits|per|second"),
    ("gigabit per second", "measure", "gbps gbit/s gb/s gigabits|per|second"),
    ("pixel", "measure", "px* pixel pixels megapixel megapixels mp*"),
    # Money written after the number
    ("US dollar", "money", "$ dollar dollars usd musd kusd us|dollar us|dollars u.s.|dollars american|dollars"),
    ("Australian dollar", "money", "australian|dollar australian|dollars aud maud"),
    ("Canadian dollar", "money", "canadian|dollar canadian|dollars cad"),
    ("Hong Kong dollar", "money", "hong|kong|dollar hong|kong|dollars hkd"),
    ("New Zealand dollar", "money", "new|zealand|dollar new|zealand|dollars nzd"),
    ("Singapore dollar", "money", "singapore|dollar singapore|dollars sgd"),
    ("euro", "money", "euro euros eur meur keur €"),
    ("pound sterling", "money", "pounds|sterling pound|sterling sterling gbp mgbp kgbp £ quid"),
    ("penny", "money", "p* pence penny pennies"),
    ("cent", "money", "cent cents ¢ c*"),
    ("Japanese yen", "money", "yen jpy ¥"),
    ("Chinese yuan", "money", "yuan renminbi rmb cny 元 kuai"),
    ("Indian rupee", "money", "rupee rupees inr ₹"),
    ("Pakistani rupee", "money", "pakistani|rupees pkr"),
    ("Sri Lankan rupee", "money", "sri|lankan|rupees lkr ரூ"),
    ("Swiss franc", "money", "franc francs swiss|franc swiss|francs chf"),
    ("Mexican peso", "money", "peso pesos mexican|pesos mxn"),
    ("Turkish lira", "money", "lira liras lire turkish|lira try ₺"),
    ("Russian rouble", "money", "rouble roubles ruble rubles rub ₽"),
    ("South African rand", "money", "rand zar"),
    ("Malaysian ringgit", "money", "ringgit myr"),
    ("South Korean won", "money", "won krw ₩"),
    ("Israeli shekel", "money", "shekel shekels ils ₪"),
    ("dinar", "money", "dinar dinars"),
    ("dirham", "money", "dirham dirhams aed"),
    ("riyal", "money", "riyal riyals sar"),
    ("Nigerian naira", "money", "naira ngn ₦"),
    ("Ghanaian cedi", "money", "cedi cedis"),
    ("Thai baht", "money", "baht thb ฿"),
    ("Philippine peso", "money", "₱ php"),
    ("Brazilian real", "money", "reais brl"),
    ("Ukrainian hryvnia", "money", "hryvnia hryvnias uah ₴"),
    ("krona", "money", "krona kronor krone kroner sek nok dkk"),
    ("Polish zloty", "money", "zloty zlotys pln"),
    ("Hungarian forint", "money", "forint huf"),
    ("Kenyan shilling", "money", "shilling shillings kes"),
    ("bitcoin", "money", "bitcoin bitcoins btc ₿"),
    ("satoshi", "money", "satoshi satoshis"),
    ("Costa Rican colón", "money", "₡ colón colones"),
    ("Georgian lari", "money", "₾ lari"),
    ("Lao kip", "money", "₭ kip"),
    ("Vietnamese dong", "money", "₫ dong vnd"),
    ("Deutsche Mark", "money", "deutsche|marks deutschmarks"),
    ("Dutch guilder", "money", "guilder guilders"),
    ("Spanish peseta", "money", "peseta pesetas"),
    ("Finnish markka", "money", "markka markkaa finnish|markka"),
    # Named with their country, as news names the currencies its readers do not use
    ("Egyptian pound", "money", "egyptian|pound egyptian|pounds"),
    ("Lebanese pound", "money", "lebanese|pound lebanese|pounds"),
    ("Syrian pound", "money", "syrian|pound syrian|pounds"),
    ("Sudanese pound", "money", "sudanese|pound sudanese|pounds"),
    ("Argentine peso", "money", "argentine|pesos argentinian|pesos"),
    ("Colombian peso", "money", "colombian|pesos"),
    ("Chilean peso", "money", "chilean|pesos"),
    ("Philippine peso", "money", "philippine|pesos"),
    ("Brazilian real", "money", "brazilian|reais brazilian|real"),
    ("Saudi riyal", "money", "saudi|riyals"),
    ("Qatari riyal", "money", "qatari|riyals"),
    ("Iranian rial", "money", "rial rials iranian|rials"),
    ("UAE dirham", "money", "uae|dirhams emirati|dirhams"),
    ("Danish krone", "money", "danish|kroner"),
    ("Norwegian krone", "money", "norwegian|kroner"),
    ("Swedish krona", "money", "swedish|kronor swedish|crowns"),
    ("New Taiwan dollar", "money", "taiwan|dollars new|taiwan|dollars"),
    ("Zimbabwe dollar", "money", "zimbabwe|dollars zimbabwean|dollars"),
    ("Indian rupee", "money", "indian|rupees"),
    ("Japanese yen", "money", "japanese|yen"),
    ("Chinese yuan", "money", "chinese|yuan"),
    ("Russian rouble", "money", "russian|roubles russian|rubles"),
    ("Israeli shekel", "money", "israeli|shekels new|shekels"),
    ("Kenyan shilling", "money", "kenyan|shillings"),
    ("Ukrainian hryvnia", "money", "ukrainian|hryvnias"),
    ("Nigerian naira", "money", "nigerian|naira"),
    ("Dutch guilder", "money", "dutch|guilders"),
    ("euro", "money", "eurozone|euros"),
)

# Money written before the number: "$5", "US$5", "A$2bn", "Rs 500", "RM30", "€4", "GBP 350".
_BEFORE: tuple[tuple[str, str], ...] = (
    ("US dollar", "$ us$ u.s.$ u.s.|$ us|$ usd usd$ dollar musd"),
    ("Australian dollar", "a$ au$ aud aud$ maud"),
    ("Canadian dollar", "c$ ca$ cad cad$"),
    ("Hong Kong dollar", "hk$ hk|$ hkd"),
    ("New Zealand dollar", "nz$ nzd nzd$"),
    ("Singapore dollar", "s$ sgd"),
    ("Mexican peso", "mex$ mx$ mxn mxn$"),
    ("Brazilian real", "r$ brl"),
    ("New Taiwan dollar", "nt$ twd"),
    ("euro", "€ eur meur"),
    ("pound sterling", "£ gbp mgbp"),
    ("Japanese yen", "¥ jpy"),
    ("Chinese yuan", "rmb cny"),
    ("Indian rupee", "₹ rs rs. inr"),
    ("Malaysian ringgit", "rm myr"),
    ("Indonesian rupiah", "rp idr"),
    ("South Korean won", "₩ krw"),
    ("Russian rouble", "₽"),
    ("Turkish lira", "₺"),
    ("Israeli shekel", "₪ ils nis"),
    ("Nigerian naira", "₦ ngn"),
    ("Philippine peso", "₱"),
    ("Thai baht", "฿"),
    ("Ukrainian hryvnia", "₴"),
    ("Swiss franc", "chf sfr"),
    ("Kenyan shilling", "ksh kes"),
    ("South African rand", "zar"),
    ("Bangladeshi taka", "tk"),
    ("bitcoin", "₿ btc"),
    ("Costa Rican colón", "₡"),
    ("Vietnamese dong", "₫"),
)


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # normalised: "mile per hour", "US dollar", "percent"
    kind: str  # the figure's kind: money, percent, duration or measure


UNITS: dict[str, Unit] = {}
_ATTACHED_ONLY: set[str] = set()
for _name, _kind, _forms in _TABLE:
    for _form in _forms.split():
        _form = _form.replace("|", " ")
        if _form.endswith("*"):
            _form = _form[:-1]
            _ATTACHED_ONLY.add(_form)
        UNITS.setdefault(_form, Unit(_name, _kind))

CURRENCIES_BEFORE: dict[str, Unit] = {}
for _name, _forms in _BEFORE:
    for _form in _forms.split():
        CURRENCIES_BEFORE[_form.replace("|", " ")] = Unit(_name, "money")

# A unit ends where a word would: "5 min" but not "5 mine"; "20 (kg)" and "20kg." alike.
_END = r"(?![a-z0-9_])"
_ATTACHED = word_alternation(set(UNITS))
_SPACED = word_alternation(set(UNITS) - _ATTACHED_ONLY)
# After the number: attached ("512gb"), spaced ("70 mph"), hyphened ("3-inch", "a 28-year-old"),
# or in brackets ("20 (kg)"). The longest form wins: "degrees celsius" over "degrees".
UNIT_AFTER = re.compile(rf"(?:(?P<attached>{_ATTACHED})|(?:\s|\s?-\s?)(?P<spaced>{_SPACED})|\s?[(\[{{<](?P<bracketed>{_SPACED})[)\]}}>]){_END}")
_UNIT_AFTER_SPACE = re.compile(rf"(?:(?:\s|\s?-\s?)(?P<spaced>{_SPACED})|\s?[(\[{{<](?P<bracketed>{_SPACED})[)\]}}>]){_END}")
# What the forms start with: their first three characters (or all of a shorter one). A form
# follows a number only where the text there starts as one does; most words after a number
# ("rebels", "people") start as none does, and the pattern is not tried.
_OPENERS = frozenset("-([{<")  # a hyphen or a bracket before a spaced form: left to the pattern
_SPACED_HEADS = frozenset(form[:3] for form in set(UNITS) - _ATTACHED_ONLY)
_ATTACHED_HEADS = frozenset(form[:3] for form in UNITS)


def _could_start(head: str, heads: frozenset[str]) -> bool:
    """Whether a form could start with head, the next three characters (fewer at the text's end)."""
    return head in heads or head[:2] in heads or head[:1] in heads


# Before the number, read backwards from it: "us$ 5", "rs. 500", "£2bn".
_BEFORE_FORMS = sorted(CURRENCIES_BEFORE, key=len, reverse=True)
CURRENCY_BEFORE = re.compile(r"(?:(?<![a-z0-9.])(?:" + "|".join(re.escape(f) for f in _BEFORE_FORMS) + r"))\s?$")

# Spelled with the case that names the unit: b is a bit and B a byte, as SI writes them.
_CASED = {"mb": {"Mb": "megabit", "mb": "megabit"}, "gb": {"Gb": "gigabit"}, "kb": {"Kb": "kilobit", "kb": "kilobit"}}
# Units that are also something else: "pounds" money or mass; a lone "c" or "f" a letter.
POUND_FORMS = ("pound", "pounds")
MONEY_CONTEXT = re.compile(
    r"\b(?:cost|costs|costing|paid|pay|pays|paying|price|priced|prices|worth|fine|fined|sold|bought|buy|spent|spend|"
    r"raised|raise|earn|earned|earns|salary|wage|budget|deal|loan|bid|offer|fee|fees|bill|debt|profit|profits|revenue|"
    r"sales|fund|funding|invest|invested|investment|award|awarded|damages|compensation|bonus|tax|charge|charged)\b"
)


_NAME_NEXT = re.compile(r" [A-Z][a-z]")
_DEGREE_LETTERS = {"C": Unit("degree Celsius", "measure"), "F": Unit("degree Fahrenheit", "measure")}
_VIDEO_LINES = frozenset({" 240", " 360", " 480", " 720", "1080", "1440", "2160", "4320"})


def unit_after(lowered: str, text: str, end: int, limit: int) -> tuple[int, str, Unit] | None:
    """The unit written after a number ending at end: (its end, the form as written, the unit)."""
    first = lowered[end : end + 1]
    if first.isspace():
        # No form starts with a space: after one, the attached forms are not tried at all, and
        # the spaced ones only when the word that follows starts as one of them does.
        if lowered[end + 1 : end + 2] not in _OPENERS and not _could_start(lowered[end + 1 : end + 4], _SPACED_HEADS):
            return None
        match = _UNIT_AFTER_SPACE.match(lowered, end, min(limit, end + 40))
        if match is None:
            return None
        group = "spaced" if match.group("spaced") is not None else "bracketed"
    else:
        if first not in _OPENERS and not _could_start(lowered[end : end + 3], _ATTACHED_HEADS):
            return None  # only an attached form could follow, and none starts so
        match = UNIT_AFTER.match(lowered, end, min(limit, end + 40))
        if match is None:
            return None
        group = "attached" if match.group("attached") is not None else "spaced" if match.group("spaced") is not None else "bracketed"
    form = match.group(group)
    unit = UNITS[form]
    start = match.start(group)
    written = text[start : match.end(group)]
    if group == "attached" and len(form) == 1 and written.isupper():
        if written in _DEGREE_LETTERS:
            return match.end(), written, _DEGREE_LETTERS[written]  # "40C", "104F" as British papers write them
        if form in "gtmpchf":
            return None  # "5G", "4H": codes and grades, not grams or hours
    if form == "f":
        return None  # only "104F" is a temperature
    if form == "p" and text[max(0, end - 4) : end] in _VIDEO_LINES:
        return None  # "1080p", "720p": lines of a picture, not pence
    if group == "spaced" and written[:1].isupper() and not written.isupper() and _NAME_NEXT.match(text, match.end(), limit):
        return None  # "8 Rand Paul", "3 Mark Kelly": a name, not a currency
    cased = _CASED.get(form)
    if cased and written in cased:
        unit = Unit(cased[written], "measure")
    return match.end(), written, unit


# A code with a scale's letter in front, as finance writes it: "30 MUSD" is 30 million dollars, "5 kEUR" 5,000 euros.
SCALED_CODES = {"musd": 1_000_000, "meur": 1_000_000, "mgbp": 1_000_000, "maud": 1_000_000, "kusd": 1_000, "keur": 1_000, "kgbp": 1_000}
_TITLED = frozenset({"rs", "rp", "tk", "ksh", "sfr"})
# What the forms end with, and the forms that are words: checked before the pattern runs.
_FORM_ENDS = frozenset(form[-1] for form in CURRENCIES_BEFORE)
_LETTER_FORMS = frozenset(form.split()[-1] for form in CURRENCIES_BEFORE if form[-1].isalpha())
_LETTER_ENDINGS = tuple(_LETTER_FORMS) + tuple(f"{form} " for form in _LETTER_FORMS)


def word_before(lowered: str, start: int, floor: int) -> str:
    """The word just before start, across one space: 'usd' in 'usd 200' and 'usd200'."""
    end = start - 1 if start - 1 > floor and lowered[start - 1] == " " else start
    begin = lowered.rfind(" ", max(floor, end - 14), end) + 1 or max(floor, end - 14)
    return lowered[begin:end].lstrip("(\"'“‘[-—–/")


def currency_before(lowered: str, text: str, start: int, floor: int) -> tuple[int, str, Unit] | None:
    """Money written just before a number starting at start: (where it starts, as written, the unit)."""
    if start <= floor:
        return None
    previous = lowered[start - 1]
    if previous == " ":
        previous = lowered[start - 2] if start - 2 >= floor else ""
    if not previous or previous not in _FORM_ENDS:
        return None  # most numbers follow a space and a word no currency ends like
    if previous.isalpha() and not lowered.endswith(_LETTER_ENDINGS, max(floor, start - 8), start):
        return None
    window_start = max(floor, start - 8)
    match = CURRENCY_BEFORE.search(lowered, window_start, start)
    if match is None:
        return None
    form = match.group(0).rstrip()
    # A code in letters stands for money only written in capitals, or attached: "USD 200", "RM30";
    # "rs" or "rm" in running lower-case text are words.
    written = text[match.start() : match.start() + len(form)]
    if form.isalpha() and not (written.isupper() or (written.istitle() and form in _TITLED)) and match.end() - match.start() == len(form) + 1 and form not in ("rmb", "usd", "eur", "gbp", "dollar"):
        return None
    if form == "dollar" and written != "dollar":
        return None
    return match.start(), written, CURRENCIES_BEFORE[form]
