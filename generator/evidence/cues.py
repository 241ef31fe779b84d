"""The cue lexicon of the meaning rules (`evidence/meaning.py`), written for this project.

The approach is NegEx's (Chapman et al., 2001) and the hedge-cue lists of the BioScope and
CoNLL-2010 work: a cue word or phrase governs the words after it up to a scope terminator
(punctuation, a contrasting conjunction, a relative pronoun) or MAX_SCOPE tokens. The words
themselves were chosen from the wording of news reports: add one here, with a golden case in
tests/fixtures/evidence/, when a report says something a way these do not cover."""

from __future__ import annotations

MAX_SCOPE = 6  # content words (and names) a clause cue governs at most
NOUN_SCOPE = 2  # content words an adjective cue ('alleged', 'potential') governs

# Negation: each flips the polarity of the words it governs ('denied that Russia had refused
# a ceasefire' is two flips: the ceasefire is not refused).
NEGATIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(cue.split())
    for cue in (
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "yet to",
        "failed to",
        "fails to",
        "fail to",
        "declined to",
        "declines to",
        "refused",
        "refuses",
        "refuse",
        "refusing",
        "refusal",
        "denied",
        "denies",
        "deny",
        "denying",
        "rejected",
        "rejects",
        "reject",
        "rejecting",
        "unwilling",
        "unable",
        "lack of",
        "absence of",
    )
)
# 'not only' adds, it does not negate.
NOT_NEGATIONS = frozenset({("not", "only"), ("no", "longer", "only")})

# Uncertainty: what the source does not state as fact. A claim that drops all of them states
# it as fact. (word sequence, scope: "clause" or "noun")
HEDGES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(cue.split()), scope)
    for cue, scope in (
        ("could", "clause"),
        ("may", "clause"),  # lower case only: 'May' is the month
        ("might", "clause"),
        ("can", "clause"),
        ("if", "clause"),
        ("unless", "clause"),
        ("reportedly", "clause"),
        ("allegedly", "clause"),
        ("unconfirmed", "clause"),
        ("suggest", "clause"),
        ("suggests", "clause"),
        ("suggested", "clause"),
        ("expected", "clause"),
        ("expects", "clause"),
        ("expect", "clause"),
        ("likely", "clause"),
        ("unlikely", "clause"),
        ("probably", "clause"),
        ("possibly", "clause"),
        ("perhaps", "clause"),
        ("plans to", "clause"),
        ("plan to", "clause"),
        ("planned to", "clause"),
        ("planning to", "clause"),
        ("plans for", "clause"),
        ("intends to", "clause"),
        ("intended to", "clause"),
        ("intend to", "clause"),
        ("aims to", "clause"),
        ("aim to", "clause"),
        ("aiming to", "clause"),
        ("aiming for", "clause"),
        ("hopes", "clause"),
        ("hoped", "clause"),
        ("hope", "clause"),
        ("ready to", "clause"),
        ("prepare to", "clause"),
        ("prepares to", "clause"),
        ("preparing to", "clause"),
        ("prepared to", "clause"),
        ("consider", "clause"),
        ("considering", "clause"),
        ("wants to", "clause"),
        ("want to", "clause"),
        ("wanted to", "clause"),
        ("seeks to", "clause"),
        ("sought to", "clause"),
        ("offered to", "clause"),
        ("offers to", "clause"),
        ("agreed to", "clause"),
        ("agrees to", "clause"),
        ("promised to", "clause"),
        ("vowed to", "clause"),
        ("pledged to", "clause"),
        ("threatened to", "clause"),
        ("warned of", "clause"),
        ("proposed", "clause"),
        ("proposes", "clause"),
        ("proposal", "clause"),
        ("intention", "clause"),
        ("alleged", "noun"),
        ("reported", "noun"),
        ("potential", "noun"),
        ("possible", "noun"),
        ("prospective", "noun"),
    )
)
# The future, or a report of it: a claim must keep it (or hedge) but may say 'will' for
# 'would'. 'is due to' and 'is set to' only after a form of 'be' ('due to the war' is a
# cause): see BE_BEFORE.
FUTURES: tuple[tuple[str, ...], ...] = tuple(
    tuple(cue.split())
    for cue in (
        "will",
        "would",
        "shall",
        "going to",
        "scheduled",
        "due to",
        "set to",
        "set for",
        "is to",
        "are to",
        "was to",
        "were to",
    )
)
BE_BEFORE = frozenset({("due", "to"), ("set", "to")})
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "s", "re"})
# 'reported' hedges as an adjective ('a reported meeting'), not as a verb of saying.
HEDGE_AFTER_ARTICLE = frozenset({"reported"})
ARTICLES = frozenset({"a", "an", "the"})

# What ends a cue's scope, besides punctuation.
TERMINATORS = frozenset(
    """but however although though while whereas because since which who whom whose
    despite instead nonetheless nevertheless meanwhile""".split()
)
PUNCTUATION_ENDS = frozenset(",;:.!?()[]")

# Verbs that credit a statement, a view or an offer to whoever is named before them.
ATTRIBUTIONS = frozenset(
    """said says say saying told tells stated states noted notes added adds confirmed confirms
    warned warns cautioned cautions indicated indicates emphasized emphasised emphasizes
    emphasises remarked remarks announced announces acknowledged acknowledges argued argues
    claimed claims insisted insists reiterated reiterates accused accuses denied denies
    expressed expresses suggested suggests stressed stresses revealed reveals highlighted
    highlights described describes questioned questions believes believed views viewed sees
    saw thinks thought offered offers proposed proposes agreed agrees accepted accepts
    rejected rejects refused refuses demanded demands vowed vows promised promises pledged
    pledges threatened threatens repeated repeats declared declares explained explains
    wrote writes asked asks replied replies hoped hopes reported reports""".split()
)
PRONOUNS = frozenset({"he", "she"})
POSSESSED = frozenset({"words", "view", "statement", "remarks", "comments", "account"})
# 'said X' names its speaker after it ('said Kremlin spokesman Dmitry Peskov').
INVERTED = frozenset({"said", "says", "told", "added", "noted", "wrote", "asked"})
# Words that may stand between 'said' and its speaker: 'said Kremlin spokesman Dmitry Peskov'.
TITLES = frozenset(
    """the spokesman spokeswoman spokesperson minister president chief envoy negotiator
    leader aide official adviser advisor foreign prime deputy secretary special senior
    general""".split()
)
# What may follow an inverted speaker ('said Peskov on Tuesday'); a verb may not ('said
# Putin remained open': Putin is the subject of what was said).
AFTER_SPEAKER = PUNCTUATION_ENDS | frozenset(
    "on in at after during when while who adding as to".split()
)
COORDINATING = frozenset({"and", "but"})  # 'X went to Ankara and said': X said it
# Verbs of saying are stop words for the word rule, but their polarity counts:
# 'has yet to say' is not 'has said'.
SAYING = frozenset({"say", "says", "said", "saying", "tell", "tells", "told"})
ACCORDING = ("according", "to")
SPEAKER_BEFORE = 8  # tokens before an attribution verb where its speaker may be named
SPEAKER_AFTER = 5  # tokens after 'said' or 'according to'

# Numbers.
TENS = {
    word: value
    for value, word in zip(
        range(20, 100, 10),
        "twenty thirty forty fifty sixty seventy eighty ninety".split(),
        strict=True,
    )
}
UNITS = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}
ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        """zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh
        twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth
        nineteenth twentieth""".split()
    )
    if value
}
SCALES = {
    "hundred": "hundred",
    "thousand": "thousand",
    "k": "thousand",
    "million": "million",
    "m": "million",
    "mn": "million",
    "billion": "billion",
    "bn": "billion",
    "trillion": "trillion",
    "tn": "trillion",
}
PERCENT = "%"
COUNTED = 3  # tokens after a number where the noun it counts is looked for

# Quantifiers: 'all' where the source counts, and 'some' dropped.
UNIVERSALS = frozenset({"all", "every", "entire", "whole"})
PARTIALS = frozenset({"some", "several", "few", "many", "most", "limited"})
DETERMINERS = frozenset({"the", "their", "its", "his", "her", "of", "our"})

# Past forms that do not end in -ed, so 'met' compares with 'meet' and 'meeting'.
IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "made": "make",
    "went": "go",
    "gone": "go",
    "gave": "give",
    "given": "give",
    "sent": "send",
    "began": "begin",
    "begun": "begin",
    "left": "leave",
    "flew": "fly",
    "flown": "fly",
    "spoke": "speak",
    "spoken": "speak",
    "won": "win",
    "lost": "lose",
    "brought": "bring",
    "fought": "fight",
    "sought": "seek",
    "kept": "keep",
    "led": "lead",
    "paid": "pay",
    "saw": "see",
    "seen": "see",
    "came": "come",
    "chose": "choose",
    "broke": "break",
    "drew": "draw",
    "drove": "drive",
    "fell": "fall",
    "struck": "strike",
    "shot": "shoot",
    "wrote": "write",
    "written": "write",
    "cut": "cut",
    "hit": "hit",
    "put": "put",
    "set": "set",
}

# Hedge and future words that are compared by the modality rule, not as content words.
CUE_WORDS = frozenset(
    """scheduled due set expected expects expect reportedly allegedly likely probably
    possibly perhaps unconfirmed potential possible prospective going shall might""".split()
)
# A modal verb starts a new predicate: 'a refusal to go would be a signal' does not negate
# the signal; unless it is in a clause the cue governs ('not confirmed that he will attend').
NEGATION_ENDS = frozenset("would will could can may might should shall must".split())
COMPLEMENTISERS = frozenset({"that", "whether"})
# Units of measure, each spelling -> one name: '20 km' and '20 miles' differ.
MEASURE_WORDS = {
    word: unit
    for unit, words in (
        ("km", "km kilometre kilometres kilometer kilometers"),
        ("mile", "mile miles"),
        ("m", "metre metres meter meters"),
        ("tonne", "tonne tonnes ton tons"),
        ("hour", "hour hours"),
        ("day", "day days"),
        ("week", "week weeks"),
        ("month", "month months"),
        ("year", "year years"),
        ("%", "% percent"),
        ("dollar", "dollar dollars"),
        ("euro", "euro euros"),
        ("pound", "pound pounds"),
        ("rouble", "rouble roubles ruble rubles"),
        ("hryvnia", "hryvnia hryvnias"),
    )
    for word in words.split()
}
