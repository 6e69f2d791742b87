//! Words about names: the parts a person's name is made of, the roles a
//! person is described by, and the capitals that look like initials but
//! are not.
//!
//! Folded lists are looked up with folded words; the lists marked "as
//! written" are matched against the word as it stands in the text.

use super::WordSet;

/// Lowercase words that join parts of one name (`Ludwig van Beethoven`,
/// `Osama bin Laden`, `Charles de Gaulle`), as written.
pub(crate) static PARTICLES: WordSet =
    WordSet::of(&["al bin ibn bint van von de da di du la le der den dos das del della abu ter y"]);

/// Prefixes glued to a surname by a hyphen (`al-Assad`, `el-Sisi`, with an
/// ASCII or a non-breaking hyphen); the surname's key drops them so `Assad`
/// matches `Bashar al-Assad`. Prefixes tried in turn, not a set: none is a
/// prefix of another, so the order does not change which one strips.
pub(crate) const GLUED_PARTICLES: &[&str] = &["al-", "el-", "al‑", "el‑"];

/// Generational suffixes that end a name without being its surname, as
/// written.
pub(crate) static NAME_SUFFIXES: WordSet = WordSet::of(&["Jr Sr II III IV"]);

/// Chinese surnames among the East Asian ones: two words opening with one
/// (`Xi Jinping`) are a surname and a given name.
const CHINESE_SURNAME_TEXT: &str = "
xi li wang zhang liu chen yang huang zhao zhou xu hu guo wen jiang deng mao
";

/// The other surnames that come first in East Asian names: Korean (`Kim
/// Jong Un`, `Moon Jae-in`), and `ma`, `tsai`, `lai`, which were never in
/// the Chinese list's two-word rule: with them a name needs a hyphenated
/// given name or three parts to be read surname first.
const OTHER_EAST_ASIAN_SURNAME_TEXT: &str = "
kim moon ban shin kang cho lim park yoon choi jung lee ma tsai lai
";

/// See [`CHINESE_SURNAME_TEXT`].
pub(crate) static CHINESE_SURNAMES: WordSet = WordSet::of(&[CHINESE_SURNAME_TEXT]);

/// Surnames that come first in East Asian names (`Xi Jinping`, `Kim Jong
/// Un`): in such a name the first word is the surname later references use.
pub(crate) static EAST_ASIAN_SURNAMES: WordSet =
    WordSet::of(&[CHINESE_SURNAME_TEXT, OTHER_EAST_ASIAN_SURNAME_TEXT]);

/// Lowercase nouns for what a person does, used before a name (`chief
/// executive Jane Doe`, `spokesman John Kirby`) or in apposition after it
/// (`Jane Doe, the company's chief executive,`).
pub(crate) static ROLE_NOUNS: WordSet = WordSet::of(&["
activist actor actress adviser advisor aide ambassador analyst anchor architect artist athlete
attorney author banker billionaire boss businessman businesswoman campaigner candidate captain
chairman chairwoman challenger champion chancellor chief coach columnist comedian commander
commentator commissioner composer congressman congresswoman consultant correspondent councillor
councilman councilwoman counsel creator defender delegate deputy designer diplomat director
doctor economist editor envoy executive expert farmer founder general goalkeeper governor head
historian host investor journalist judge lady lawmaker lawyer leader legislator manager mayor
member midfielder minister musician negotiator nominee novelist officer official owner partner
player politician pollster president producer professor prosecutor psychologist rapper
representative researcher scientist secretary senator singer spokesman spokesperson spokeswoman
star strategist striker student surgeon teacher trainer treasurer veteran winger writer
sprinter hurdler runner pundit swimmer cyclist boxer golfer jockey
frontrunner front-runner tycoon mogul magnate frontman guitarist drummer vocalist
presenter broadcaster reporter filmmaker playwright poet photographer entrepreneur donor
"]);

/// One or two capitals that are not initials even before a name, as
/// written: the words `A` and `I` and common two-letter abbreviations
/// (`US Secretary`, `PM Johnson`).
pub(crate) static NOT_BARE_INITIALS: WordSet = WordSet::of(&["
A I US UK EU UN PM MP TV GP AP BT HP GE IT AI EC DC NY LA OK MC DJ DR MG GM BP BA EA VW LG PR
"]);

/// Letters with periods that abbreviate places, not given names, as
/// written: `U.S. Secretary` holds no initials.
pub(crate) static NOT_DOTTED_INITIALS: WordSet =
    WordSet::of(&["U.S. U.K. U.N. E.U. D.C. N.Y. L.A."]);

/// Name prefixes after which a capital inside a word is still a name, as
/// written: `McManus`, `MacArthur`, `DeSantis`, `LaGuardia`, `FitzGerald`
/// (elsewhere, `WorldCom`, it is a brand).
pub(crate) static CAPITAL_PREFIXES: WordSet =
    WordSet::of(&["Mc Mac De Di Da Du La Le Van Von Fitz"]);

/// Roles whose holders often go by one name (`rapper Eminem`, `striker
/// Ronaldinho`, `R&B star Usher`): no sign of a surname to introduce; and
/// `host`, a verb as often (`Bolton host Arsenal`).
pub(crate) static MONONYM_ROLES: WordSet = WordSet::of(&["
host rapper singer star musician artist composer designer player striker midfielder winger
defender goalkeeper champion athlete frontman guitarist drummer vocalist
"]);

/// Irregular past tenses that, right after a capitalized word, say what a
/// person did (`Pruitt wrote`, `Kovac won`); regular ones end in `-ed`.
/// Evidence for an early bare surname that the story later names in full.
pub(crate) static PAST_VERBS: WordSet = WordSet::of(&["
wrote won lost led took made gave ran met left spent beat sent got saw became began set put kept
held built brought bought sought thought felt fought heard hit knew read rode sat stood struck
swore taught threw went wore
"]);
