//! Finding people to misspell, retitle or introduce too late: a deliberately
//! conservative guess, independent of copydesk's own people model. A person
//! is a capitalized two-word name whose second word comes back alone later,
//! with some sign that it is a person (a title, a speech verb, an age), and
//! no sign of a second person sharing the surname.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::ParagraphQuotes;

/// A formal title written before a name, as it appears in copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub range: Range<usize>,
    pub written: &'static str,
    /// `former`, `acting`, `then-` …: not a conflict with another title.
    pub qualified: bool,
}

/// Titles recognised before a name, longest first so `Vice President` wins
/// over `President`.
pub const TITLES: &[&str] = &[
    "Chancellor of the Exchequer",
    "Chief Financial Officer",
    "Treasury Secretary",
    "Defense Secretary",
    "Health Secretary",
    "Foreign Minister",
    "Defence Minister",
    "Finance Minister",
    "Chief Executive",
    "Detective",
    "Secretary of State",
    "Attorney General",
    "Foreign Secretary",
    "Home Secretary",
    "Vice President",
    "Prime Minister",
    "Representative",
    "Chancellor",
    "President",
    "Governor",
    "Senator",
    "Speaker",
    "General",
    "Mayor",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Col.",
    "Capt.",
    "Sgt.",
    "CEO",
    "Mrs.",
    "Mrs",
    "Mr.",
    "Ms.",
    "Dr.",
    "Mr",
    "Ms",
    "Dr",
];

/// Courtesy titles: `Mr Blair` is not an office.
pub const COURTESY: &[&str] = &["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."];

const QUALIFIERS: &[&str] = &[
    "former", "then", "acting", "ex", "late", "outgoing", "incoming", "future", "deputy",
    "interim", "retired", "Former", "Acting", "Deputy", "Interim", "Retired",
];

/// A qualifier among the few words before `at` (`former Pennsylvania Gov.`,
/// `retired Lt. Gen.`, `then-rival`).
pub fn qualified_before(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(3)
        .map_or(0, |(i, _)| i);
    before[start..]
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| QUALIFIERS.contains(&bare(w)))
}

/// Capitalized words that are not given names or surnames: function words
/// at sentence starts, titles, days, months, nationalities, institutions.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Its",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Senator",
    "Sen",
    "Rep",
    "Gov",
    "Governor",
    "Mayor",
    "Chancellor",
    "Speaker",
    "General",
    "Gen",
    "Judge",
    "Justice",
    "Chief",
    "Director",
    "Chairman",
    "Leader",
    "Coach",
    "Captain",
    "Lord",
    "Lady",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Saint",
    "St",
    "New",
    "North",
    "South",
    "East",
    "West",
    "United",
    "White",
    "Supreme",
    "National",
    "Democratic",
    "Republican",
    "Democrat",
    "Democrats",
    "Republicans",
    "Labour",
    "Tory",
    "Tories",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Senate",
    "House",
    "Congress",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mount",
    "Lake",
    "Fort",
    "Port",
    "Great",
    "Royal",
    "British",
    "American",
    "European",
    "Chinese",
    "French",
    "German",
    "Russian",
    "Irish",
    "Scottish",
    "Welsh",
    "English",
    "Israeli",
    "Palestinian",
    "Iraqi",
    "Iranian",
    "Syrian",
    "Mexican",
    "Canadian",
    "Japanese",
    "Indian",
    "Australian",
    "African",
    "Asian",
    "Muslim",
    "Christian",
    "Jewish",
    "Catholic",
    "Islamic",
    "Olympic",
    "World",
    "Premier",
    "Grand",
    "Super",
    "Old",
    "Home",
    "Foreign",
    "Defence",
    "Defense",
    "Attorney",
    "Deputy",
    "Shadow",
    "Former",
    "Miss",
    "Dame",
    "Rev",
    "Professor",
    "Prof",
    "Team",
    "Club",
    "City",
    "County",
    "State",
    "States",
    "Department",
    "Ministry",
    "Party",
    "Committee",
    "Commission",
    "Council",
    "Court",
    "University",
    "College",
    "School",
    "Bank",
    "Street",
    "Road",
    "Avenue",
    "Airport",
    "Station",
    "Hospital",
    "Center",
    "Centre",
    "Inc",
    "Corp",
    "Group",
    "Association",
    "Union",
    "Federation",
    "League",
    "Cup",
    "Championship",
    "Open",
    "Games",
    "Awards",
    "Prize",
    "Festival",
    "Show",
    "Film",
    "Music",
    "Records",
    "News",
    "Times",
    "Post",
    "Journal",
    "Daily",
    "Weekly",
    "Press",
    "Radio",
    "Television",
    "Network",
    "Channel",
    "Media",
    "Office",
    "Service",
    "Services",
    "Institute",
    "Foundation",
    "Agency",
    "Board",
    "Society",
    "Trust",
    "Fund",
    "Company",
    "Corporation",
    "Holdings",
    "International",
    "Global",
    "Airlines",
    "Motors",
    "Capital",
    "Partners",
    "Securities",
    "Exchange",
    "Market",
    "Markets",
    "Economic",
    "Affairs",
    "Health",
    "Education",
    "Security",
    "Intelligence",
    "Police",
    "Army",
    "Navy",
    "Air",
    "Force",
    "Forces",
    "Guard",
    "Federal",
    "Central",
    "Reserve",
    "Justice",
    "Treasury",
    "Parliament",
    "Assembly",
    "Cabinet",
    "Government",
    "Administration",
    "Campaign",
    "Hall",
    "Tower",
    "Park",
    "Square",
    "Bridge",
    "River",
    "Island",
    "Islands",
    "Valley",
    "Beach",
    "County",
    "Province",
    "Region",
    "Republic",
    "Kingdom",
    "Empire",
    "Church",
    "Cathedral",
    "Day",
    "Week",
    "Year",
    "Christmas",
    "Easter",
    "Olympics",
    "Series",
    "Bowl",
    "Grand",
    "Prix",
    "Formula",
    "Premiership",
    "Division",
    "Conference",
    "Summit",
    "Forum",
    "Act",
    "Bill",
    "Law",
    "Code",
    "Rule",
    "Plan",
    "Program",
    "Programme",
    "Project",
    "Initiative",
    "Internet",
    "Web",
    "Online",
    "Digital",
    "Mobile",
    "Phone",
    "Windows",
    "Office",
    "Xbox",
    "Google",
    "Microsoft",
    "Apple",
    "Yahoo",
    "Sony",
    "Nintendo",
    "Facebook",
    "Twitter",
    "Fox",
    "CNN",
    "BBC",
    "Reuters",
    "Associated",
    "Wall",
    "Street",
    "Hill",
    "Capitol",
    "Oval",
    "Pentagon",
    "Kremlin",
    "Downing",
    "Whitehall",
    "Westminster",
    "Commons",
    "Lords",
    "Mayor",
    "Clerk",
    "Sheriff",
    "Officer",
    "Agent",
    "Detective",
    "Sergeant",
    "Colonel",
    "Lieutenant",
    "Major",
    "Admiral",
    "Commander",
    "Minister",
    "Ambassador",
    "Envoy",
    "Governor",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Councilman",
    "Mr.",
    "Sen.",
];

/// Words after a mention that show it is a person speaking or acting.
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "tweeted",
    "argued",
    "explained",
    "noted",
    "insisted",
    "replied",
    "stated",
    "continued",
    "claimed",
    "warned",
    "admitted",
    "acknowledged",
    "announced",
    "believes",
    "thinks",
    "who",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written: `Given Surname` or `Surname`.
    pub name: Range<usize>,
    pub given: Option<Range<usize>>,
    pub surname: Range<usize>,
    pub title: Option<Title>,
    pub paragraph: usize,
    pub in_quote: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub given: String,
    pub surname: String,
    /// Every mention in body paragraphs, in reading order. The first full
    /// mention may come after a surname-only one.
    pub mentions: Vec<Mention>,
}

impl Person {
    pub fn first_full(&self) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.given.is_some())
    }
}

static NAME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{Lu}[\p{L}\p{M}]+)*").expect("valid regex")
});

/// `, 25,` after a full name: an age, so a person.
static AGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^, \d{1,3},").expect("valid regex"));

/// A capitalized word with byte range.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    range: Range<usize>,
}

fn name_tokens<'a>(text: &'a str, para: &Range<usize>) -> Vec<Token<'a>> {
    NAME_WORD
        .find_iter(&text[para.clone()])
        .map(|m| Token {
            text: m.as_str(),
            range: para.start + m.start()..para.start + m.end(),
        })
        .filter(|t| {
            let before = text[..t.range.start].chars().next_back();
            let after = text[t.range.end..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
                && t.text.chars().count() >= 2
                && t.text.chars().any(char::is_lowercase)
        })
        .collect()
}

pub fn is_name_word(word: &str, min_chars: usize) -> bool {
    word.chars().count() >= min_chars && !NOT_NAMES.contains(&word)
}

/// The whitespace-delimited word before `at` (punctuation included).
pub fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    &before[start..]
}

/// The whitespace-delimited word after `at` (punctuation included).
pub fn word_after(text: &str, at: usize) -> &str {
    let after = text[at..].trim_start();
    let end = after.find(char::is_whitespace).unwrap_or(after.len());
    &after[..end]
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The title written right before `at`, if any.
pub fn title_before(text: &str, at: usize) -> Option<Title> {
    let before = &text[..at];
    let before = before.strip_suffix(' ')?;
    for &written in TITLES {
        if let Some(rest) = before.strip_suffix(written) {
            // A whole word: `Rep.` is not the end of `Drep.`.
            if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let start = rest.len();
            let qualified = qualified_before(text, start);
            return Some(Title {
                range: start..at - 1,
                written,
                qualified,
            });
        }
    }
    None
}

/// Guess the people of an article from its body paragraphs (`paragraphs[0]`
/// is the headline and is ignored).
pub fn find(text: &str, paragraphs: &[Range<usize>], quotes: &[ParagraphQuotes]) -> Vec<Person> {
    let tokens: Vec<(usize, Vec<Token<'_>>)> = paragraphs
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, p)| (i, name_tokens(text, p)))
        .collect();
    // Candidate full names: two name words separated by one space, not part
    // of a longer run of capitalized words (other than a title before).
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (_, toks) in &tokens {
        for (k, w) in toks.windows(2).enumerate() {
            let (w1, w2) = (&w[0], &w[1]);
            if &text[w1.range.end..w2.range.start] != " "
                || !is_name_word(w1.text, 2)
                || !is_name_word(w2.text, 3)
            {
                continue;
            }
            let longer_after = toks.get(k + 2).is_some_and(|t| {
                t.range.start == w2.range.end + 1 && &text[w2.range.end..t.range.start] == " "
            });
            let longer_before = k > 0
                && toks[k - 1].range.end + 1 == w1.range.start
                && !TITLES.contains(&toks[k - 1].text)
                && !NOT_NAMES.contains(&toks[k - 1].text);
            if !longer_after && !longer_before && !pairs.contains(&(w1.text, w2.text)) {
                pairs.push((w1.text, w2.text));
            }
        }
    }
    let in_quote = |p: usize, at: usize| {
        quotes[p]
            .quotes
            .iter()
            .any(|q| q.inner(paragraphs[p].end).contains(&at))
    };
    let lowercase_words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut people = Vec::new();
    'pairs: for &(given, surname) in &pairs {
        if lowercase_words.contains(&surname.to_lowercase().as_str()) {
            continue;
        }
        let mut mentions = Vec::new();
        let mut evidence = false;
        for (p, toks) in &tokens {
            for (k, t) in toks.iter().enumerate() {
                if t.text != surname {
                    continue;
                }
                let prev = (k > 0).then(|| &toks[k - 1]);
                let adjacent_prev = prev.filter(|pt| &text[pt.range.end..t.range.start] == " ");
                let next_adjacent = toks
                    .get(k + 1)
                    .is_some_and(|nt| &text[t.range.end..nt.range.start] == " ");
                let before = word_before(text, t.range.start);
                if before.len() == 2 && before.ends_with('.') {
                    // An initial (`George W. Bush`): a longer name we do not model.
                    continue 'pairs;
                }
                let given_range = match adjacent_prev {
                    Some(pt) if pt.text == given => Some(pt.range.clone()),
                    Some(pt) if is_name_word(pt.text, 2) => continue 'pairs,
                    Some(_) | None => None,
                };
                let after = &text[t.range.end..];
                if next_adjacent || after.starts_with('-') {
                    // `Trump Tower`, `Clinton-Kaine`: not a mention of the person.
                    continue;
                }
                let name = given_range.as_ref().map_or(t.range.start, |g| g.start)..t.range.end;
                let title = title_before(text, name.start);
                let next = bare(word_after(text, t.range.end));
                let next = next.strip_suffix("'s").unwrap_or(next);
                // `said Caddell.`, not `said Real Madrid president …`.
                let said_before = matches!(bare(word_before(text, name.start)), "said" | "says")
                    && (after.is_empty() || after.starts_with(['.', ',', ';']));
                let aged = given_range.is_some() && AGE.is_match(after);
                evidence |= title.is_some() || PERSON_VERBS.contains(&next) || said_before || aged;
                mentions.push(Mention {
                    surname: t.range.clone(),
                    given: given_range,
                    title,
                    paragraph: *p,
                    in_quote: in_quote(*p, t.range.start),
                    name,
                });
            }
        }
        let full = mentions.iter().filter(|m| m.given.is_some()).count();
        if evidence && full > 0 && mentions.len() >= 2 {
            people.push(Person {
                given: given.to_owned(),
                surname: surname.to_owned(),
                mentions,
            });
        }
    }
    people
}

/// Every place a name is written in full, `Given Surname` or `Given X.
/// Surname`, with no evidence asked: (surname, paragraph). Used to keep
/// edits from moving another person's surname above their introduction.
pub fn full_names(text: &str, paragraphs: &[Range<usize>]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate().skip(1) {
        for m in FULL_NAME.captures_iter(&text[para.clone()]) {
            let (given, surname) = (&m["given"], &m["surname"]);
            if is_name_word(given, 2) && is_name_word(surname, 2) {
                out.push((surname.to_owned(), p));
            }
        }
    }
    out
}

static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<given>\p{Lu}[\p{Ll}\p{M}]+) (?:\p{Lu}\. )?(?P<surname>\p{Lu}[\p{L}\p{M}'’-]*\p{Ll})\b")
        .expect("valid regex")
});

/// Whether a word occurs in `text` as a whole word.
pub fn occurs(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn people_of(text: &str) -> Vec<Person> {
        let paras = text::paragraphs(text);
        let quotes: Vec<_> = paras.iter().map(|p| text::quotes_in(text, p)).collect();
        find(text, &paras, &quotes)
    }

    #[test]
    fn finds_a_person_with_title_and_later_surname() {
        let text = "Headline\n\nSen. Maria Lopez met voters in Ohio.\n\n\"We will win,\" Lopez said.\n\nThe Lopez campaign spent more.";
        let people = people_of(text);
        assert_eq!(people.len(), 1);
        let p = &people[0];
        assert_eq!((p.given.as_str(), p.surname.as_str()), ("Maria", "Lopez"));
        // `The Lopez campaign` is a mention; `Lopez said` is evidence.
        assert_eq!(p.mentions.len(), 3);
        let title = p.mentions[0].title.as_ref().unwrap();
        assert_eq!(title.written, "Sen.");
        assert!(!title.qualified);
        assert!(p.mentions[1].given.is_none());
    }

    #[test]
    fn skips_shared_surnames_places_and_common_words() {
        // Two Bidens, a place and a common word.
        let text = "Head\n\nJoe Biden and Hunter Biden met in New York.\n\nBiden said so.\n\n\
                    Ann Rose spoke. Prices rose and Rose said nothing.";
        assert!(people_of(text).is_empty());
    }

    #[test]
    fn qualified_and_longest_titles() {
        let text = "former Vice President Al Gore";
        let t = title_before(text, 22).unwrap();
        assert_eq!(t.written, "Vice President");
        assert!(t.qualified);
        assert_eq!(&text[t.range.clone()], "Vice President");
        assert!(title_before("Drep. Al", 6).is_none());
    }

    #[test]
    fn qualifiers_a_few_words_back() {
        let text =
            "former Pennsylvania Gov. Ed Rendell and retired Lt. Gen. Ann Lee and then-rival Bo Li";
        assert!(title_before(text, 25).unwrap().qualified);
        let gen = text.find("Ann").unwrap();
        assert!(title_before(text, gen).unwrap().qualified);
        assert!(qualified_before(text, text.find("Bo").unwrap()));
        assert!(!qualified_before("Sen. Bo Li", 5));
    }

    #[test]
    fn words_around() {
        let text = "as said Mr. Blair, who";
        assert_eq!(word_before(text, 8), "said");
        assert_eq!(word_after(text, 11), "Blair,");
        assert!(occurs("a Blair b", "Blair"));
        assert!(!occurs("Blairs", "Blair"));
    }
}
