//! Function words: the words that say nothing about a claim or a person.

use super::WordSet;

/// Function words and reporting filler (`said`, `Mr`).
const STOPWORD_TEXT: &str = "
a about above after again against all also am an and any are around as at be because been before
being below between both but by can could did do does doing down during each few for from had
has have having he her here hers herself him himself his how i if in into is it it's its itself
just me more most mr mrs ms my myself no nor not now of off on once only or other our ours
ourselves out over own said same say says she should so some such than that the their theirs
them themselves then there these they this those through to told too under until up very was we
were what when where which while who whom why will with would you your yours
";

/// Function words and reporting filler that say nothing about a claim.
pub(crate) static STOPWORDS: WordSet = WordSet::of(&[STOPWORD_TEXT]);

/// Sentence adverbs, numbers and other words that, capitalized at a
/// sentence start, are not a name (`Meanwhile`, `Two`), beyond the stopwords.
const OPENER_EXTRAS: &str = "
according additionally afterwards already although among another anybody anyone anyway asked
behind besides beyond certainly clearly dear despite earlier either elsewhere even eventually
every everybody everyone finally following former further however including indeed instead last
later like many meanwhile moreover much neither nevertheless next nobody nonetheless often one
overall perhaps please several since somebody someone sometimes still thanks though three today
together tomorrow two unlike whether whilst within without yesterday yet
";

/// Stopwords that the openers leave out: the courtesy titles, which open a
/// titled name (`Mr Blinken`) rather than an ordinary sentence, and the
/// reporting words `said`, `say`, `says`, `told`, `will`, which the opener
/// list never had (`Will` and `Said` are given names too). Kept out so the
/// derived list is exactly the one person extraction was tuned with.
const NOT_OPENERS: &str = "mr mrs ms said say says told will";

/// Capitalized words that open sentences and are not names: function words
/// and common sentence adverbs. The stopwords less [`NOT_OPENERS`], plus
/// [`OPENER_EXTRAS`].
pub(crate) static COMMON_OPENERS: WordSet =
    WordSet::of_except(&[STOPWORD_TEXT, OPENER_EXTRAS], NOT_OPENERS);

/// Pronouns that refer to a person and not to an organisation.
pub(crate) static PERSONAL_PRONOUNS: WordSet = WordSet::of(&["he she his her him hers"]);

/// Pronouns that may stand as the speaker of a quote (`…," he said`).
pub(crate) static SPEAKER_PRONOUNS: WordSet = WordSet::of(&["he she they i we it"]);

/// Words that may stand between a speaker and the speech verb (`Blinken
/// also said`, `Netanyahu has said`).
pub(crate) static VERB_FILLERS: WordSet = WordSet::of(&[VERB_FILLER_TEXT]);

const VERB_FILLER_TEXT: &str = "
also later previously earlier has had have will would again recently repeatedly once then
publicly privately reportedly never often
";

/// Words that stay lowercase inside a title of a work (`Lord of the
/// Rings`).
pub(crate) static TITLE_SMALL_WORDS: WordSet = WordSet::of(&["
a an and as at but by for from in into nor of on or the to vs with
"]);
