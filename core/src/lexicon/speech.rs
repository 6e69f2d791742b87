//! Words of speech and thought: the verbs and nouns that credit a quote to
//! a speaker, and the speech verbs that mark a name as a person.
//!
//! The verbs are written once, in three layers that build on each other:
//! the verbs that also precede the speaker at a clause end (`…," said
//! Blinken`), the rest of the verbs that follow a speaker's name as person
//! evidence (`Blinken said`), and every other form attribution accepts
//! (`adding`, `accused`). Each list used is a union of its layers.

use super::WordSet;

/// Speech verbs that come before the speaker at the end of a clause.
const INVERTING_VERBS: &str = "said says added asked wrote";

/// The other verbs of saying that, after a capitalized name, show that it
/// names a person (`Blinken said`, `Blinken warned`).
const SPEAKER_VERB_TEXT: &str = "
acknowledged adds admitted agreed announced argued argues asks cautioned claimed commented
complained conceded confirmed contended continued countered declared denied emphasised
emphasized explained insisted insists noted notes posted predicted recalled remarked replied
responded stated stressed suggested tells testified told tweeted urged warned warns
";

/// Further forms of verbs that report speech or writing, and verbs that put
/// words in someone's mouth for partial quotes (`called it`): enough to credit
/// a quote, too loose to make a person of a name.
const MORE_SPEECH_VERB_TEXT: &str = "
accused accuses acknowledge acknowledges add adding admit admits advise advised agree agrees
alleged alleges alleging announce announces answer answered answers argue arguing ask asking
assert asserted asserts assured assures bark barked beamed begged bemoaned bemoans blamed blames
blasted blasts boasted boasting boasts bragged brags branded brands call called calling calls
caution chanted characterised characterized charge charged charges chided cited cites citing
claim claiming claims comment complain complains concede concedes conceding conclude concluded
concludes confided confides confirm confirms contend contends continue continues counter
counters cried criticised criticises criticized criticizes declare declares declaring decried
demand demanded demands denies deny derided describe described describes describing disclosed
dismissed dismisses dubbed dubs echoed elaborated elaborates emailed emails exclaim exclaimed
exclaims explain explaining explains fumed fumes grinned grumbled hailed hails indicated
informed insist insisting interjected interjects interrupted joke joked jokes labeled labeling
labelled labelling labels lament lamented laments lauded lauds laughed maintain maintained
maintains messaged mocked mused note noting observed opined pleaded pleads pledged pointed
points pondered ponders posting praised praises praising predict predicts pressed presses
proclaimed promise promised promises protested questioned questioning questions quip quipped
quips quoted quotes quoting reacted reacts read reading reads reassured recall recalling recalls
recounted recounts reiterated remark remembered remembers remind reminded repeated replies reply
replying report reported reports respond responding responds retorted retorts revealed ridiculed
riffed say saying scoffed scolded scream screamed screams shout shouted shouts shrugged sighed
slammed slams smiled snapped speaking spoke state states stress stresses suggest suggests
summarised summarized surmised tell telling termed terms testifies texted thanked thanking thanks
thundered touted touts tweet tweeting tweets urge urges vow vowed vows warn warning welcomed
welcomes whispered wondered write writes writing written yell yelled yells
";

/// Verbs that, right before a name at a clause end, credit it: `…," said
/// Blinken.`
pub(crate) static INVERTED_SPEECH_VERBS: WordSet = WordSet::of(&[INVERTING_VERBS]);

/// Verbs of saying, as they follow a speaker (`Blinken said`): evidence
/// that a name is a person.
pub(crate) static SPEAKER_VERBS: WordSet = WordSet::of(&[INVERTING_VERBS, SPEAKER_VERB_TEXT]);

/// Verbs (all forms used in copy) that report speech or writing, and verbs
/// that put words in someone's mouth for partial quotes (`called it`).
pub(crate) static SPEECH_VERBS: WordSet =
    WordSet::of(&[INVERTING_VERBS, SPEAKER_VERB_TEXT, MORE_SPEECH_VERB_TEXT]);

/// Verbs of thinking and judging: a partial quote woven into a sentence
/// with one of these (`He called it "a disaster"`, `She thinks it "went too
/// far"`) is credited to the sentence's subject. (`predicted` is a speech
/// verb too.)
const OPINION_VERB_TEXT: &str = "
anticipated anticipates believe believed believes consider considered considers expect expected
expects fear feared fears feel feels felt hope hoped hopes predicted saw see sees think thinks
thought view viewed views want wanted wants worried worries
";

/// See [`OPINION_VERB_TEXT`].
pub(crate) static OPINION_VERBS: WordSet = WordSet::of(&[OPINION_VERB_TEXT]);

/// Nouns that, after `in a`/`in an`/`in his`…, report where words were said.
const SPEECH_VENUE_TEXT: &str = "
address affidavit announcement article blog briefing column comment comments conversation email
essay filing interview interviews letter memo message note op-ed podcast post posting press
release remarks report speech statement statements testimony tweet tweets video voicemail
";

/// See [`SPEECH_VENUE_TEXT`].
pub(crate) static SPEECH_VENUES: WordSet = WordSet::of(&[SPEECH_VENUE_TEXT]);

/// Nouns that introduce a quoted term rather than speech (`the phrase "…"`).
pub(crate) static TERM_NOUNS: WordSet = WordSet::of(&["
banner banners caption chant chants expression hashtag headline label motto phrase so-called
placard placards poster sign signs slogan slogans term title titled entitled word words
"]);
