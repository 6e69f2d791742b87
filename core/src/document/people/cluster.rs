//! Pass 3: candidates grouped into people, in text order, and the
//! near-spelling lookup that lets a misspelled name join the person it
//! misspells.
//!
//! Lookups are by folded surname; near spellings are searched only among
//! people named in full or with a title, bucketed by the surname's first
//! letter, so clustering stays linear in the text.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::scan::Candidate;
use super::tokens::Facts;
use super::{Document, Mention, MentionForm, People, Person, Title, TitleClass};
use crate::lexicon;

#[derive(Default)]
struct Cluster {
    mentions: Vec<usize>,
    surname_key: String,
    /// Folded first given names of the person's full mentions.
    given_keys: Vec<String>,
    /// (given name, middle initials) of full mentions that have initials.
    middles: Vec<(String, String)>,
    /// Has a full mention.
    has_full: bool,
    /// Listed in the near-spelling index.
    indexed: bool,
    /// Titles given so far, to tell a full name that is someone else.
    titles: Vec<Title>,
    /// Start offset of the latest mention assigned so far.
    last: usize,
    /// Paragraph of the latest mention assigned so far.
    last_paragraph: usize,
    /// First surnames of full mentions with two (`tamayo` of `Raúl Tamayo
    /// Ccori`).
    first_surnames: Vec<String>,
}

#[derive(Default)]
pub(super) struct Clusterer {
    clusters: Vec<Cluster>,
    /// Folded surname → clusters.
    by_surname: HashMap<String, Vec<usize>>,
    /// Clusters named in full or with a title, by the first letter of
    /// their surname, for near-spelling lookups: misspellings keep the
    /// start of a name far more often than not, and the buckets stay small.
    near_index: HashMap<String, Vec<usize>>,
    /// Every given name of a full mention so far.
    givens: HashSet<String>,
    /// Candidate index → (cluster, ambiguous).
    assigned: Vec<Option<(usize, bool)>>,
    /// Folded surname → how many candidates have it.
    key_counts: HashMap<String, usize>,
    /// Candidates written like a full name that are a person's two
    /// surnames (`Ruiz Ocampo` of `Valentina Ruiz Ocampo`): surname
    /// references.
    double_surname: Vec<bool>,
}

impl Clusterer {
    pub(super) fn run(
        mut self,
        doc: &Document<'_>,
        mut candidates: Vec<Candidate>,
        facts: &dyn Facts,
    ) -> People {
        // A surname that stands alone mid-sentence, or ends a name opened by
        // a given name or a title, is a name wherever it is capitalized.
        let confirmed: HashSet<String> = candidates
            .iter()
            .filter(|c| match c.form {
                MentionForm::Full => c.evidence.given_name || c.title.is_some(),
                MentionForm::Surname => !c.evidence.sentence_start,
            })
            .map(|c| c.surname_key.clone())
            .collect();
        for c in &mut candidates {
            if confirmed.contains(&c.surname_key) {
                c.evidence.sentence_start = false;
            }
        }
        for c in &candidates {
            *self.key_counts.entry(c.surname_key.clone()).or_default() += 1;
        }
        self.assigned = vec![None; candidates.len()];
        self.double_surname = vec![false; candidates.len()];
        let mut deferred = Vec::new();
        for (i, c) in candidates.iter().enumerate() {
            let known = self.by_surname.contains_key(&c.surname_key);
            match c.form {
                MentionForm::Full if c.strong || known => self.join_full(i, c),
                MentionForm::Surname if c.complete => {
                    let id = self.new_cluster(c);
                    self.assign(i, c, id, false);
                }
                MentionForm::Surname if known => self.attach_surname(i, c, false),
                MentionForm::Surname if c.strong && self.may_start_person(c, facts) => {
                    self.attach_surname(i, c, true)
                }
                _ => deferred.push(i),
            }
        }
        // Names without evidence of their own join people found elsewhere:
        // `Volodymyr Zelensky` when `Zelensky said` comes later, or an early
        // bare `Blinken` before `Antony Blinken`.
        for &i in &deferred {
            let c = &candidates[i];
            // `Argentina's Mateo Ibarguren` … `the seventh-seeded Ibarguren`
            // … `called Ibarguren`: a full name mid-sentence whose surname
            // the story uses alone at least twice more is a person's, even
            // with a given name the lexicon does not know.
            if c.form == MentionForm::Full
                && !c.evidence.sentence_start
                && !c.listed
                && !self.by_surname.contains_key(&c.surname_key)
                && self.key_counts.get(&c.surname_key).copied().unwrap_or(0) >= 3
                && !facts.lower(&c.surname_key)
            {
                let id = self.new_cluster(c);
                self.assign(i, c, id, false);
                continue;
            }
            if self.by_surname.contains_key(&c.surname_key) {
                match c.form {
                    MentionForm::Full => self.join_full(i, c),
                    MentionForm::Surname => self.attach_surname(i, c, false),
                }
            } else if c.form == MentionForm::Surname {
                // A bare word only counts as a misspelling of someone named
                // in full when it is long, capitalized for itself and no
                // organisation's name.
                let min_len = if self.repeated(&c.surname_key) {
                    MIN_BARE_NEAR_LEN_REPEATED
                } else {
                    MIN_BARE_NEAR_LEN
                };
                // At a sentence start, a word written once, never in
                // lowercase, and long enough not to be a common word
                // (`Tromp drew …` after `Donald Trump`).
                let start_ok = !c.evidence.sentence_start
                    || (!self.repeated(&c.surname_key)
                        && c.surname_key.chars().count() >= MIN_NEAR_LEN
                        && !facts.lower(&c.surname_key));
                let bare_ok = c.surname_key.chars().count() >= min_len
                    && start_ok
                    && !c.listed
                    && (c.evidence.sentence_start || self.may_start_person(c, facts));
                if (c.strong || bare_ok) && self.may_be_variant(c) {
                    if let Some(id) = self.near_person(&c.surname_key, !c.strong) {
                        self.assign_variant(i, c, id);
                    }
                }
            }
        }
        self.finish(doc, candidates)
    }

    /// Whether a surname reference may be another person's surname
    /// misspelled: not a common given name (`David`) nor the given name of
    /// someone in the story (`Russ` of `Russ Kellan`), which is a
    /// first-name reference.
    fn may_be_variant(&self, c: &Candidate) -> bool {
        !c.evidence.given_name_only && !self.givens.contains(&c.surname_key)
    }

    /// Whether a surname form comes back in the story: then only a close,
    /// long spelling joins it to another person (`Zelensky` three times
    /// after `Volodymyr Zelenskiy`), not the looser matches a one-off slip
    /// is allowed.
    fn repeated(&self, key: &str) -> bool {
        self.key_counts.get(key).copied().unwrap_or(0) > 1
    }

    /// A bare surname may stand for a person of its own only when it is
    /// capitalized for itself and not an organisation's name.
    fn may_start_person(&self, c: &Candidate, facts: &dyn Facts) -> bool {
        let titled = c
            .title
            .as_ref()
            .is_some_and(|t| t.class != TitleClass::Role);
        titled
            || (!facts.after_the(&c.surname_key)
                && (!c.evidence.sentence_start || facts.mid_cap(&c.surname_key)))
    }

    fn new_cluster(&mut self, c: &Candidate) -> usize {
        let id = self.clusters.len();
        self.clusters.push(Cluster {
            surname_key: c.surname_key.clone(),
            ..Cluster::default()
        });
        self.by_surname
            .entry(c.surname_key.clone())
            .or_default()
            .push(id);
        id
    }

    fn assign(&mut self, i: usize, c: &Candidate, id: usize, ambiguous: bool) {
        self.assigned[i] = Some((id, ambiguous));
        let cluster = &mut self.clusters[id];
        cluster.mentions.push(i);
        if c.range.start >= cluster.last {
            cluster.last = c.range.start;
            cluster.last_paragraph = c.paragraph;
        }
        if let Some(t) = &c.title {
            cluster.titles.push(t.clone());
        }
        if c.form == MentionForm::Full && !self.double_surname[i] {
            if let Some(first) = &c.first_surname {
                if !cluster.first_surnames.contains(first) {
                    cluster.first_surnames.push(first.clone());
                }
                let ids = self.by_surname.entry(first.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let cluster = &mut self.clusters[id];
            if let (Some(g), Some(m)) = (&c.given_key, &c.middle) {
                cluster.middles.push((g.clone(), m.clone()));
            }
            if let Some(g) = &c.given_key {
                if !cluster.given_keys.contains(g) {
                    cluster.given_keys.push(g.clone());
                }
                if !self.givens.contains(g) {
                    self.givens.insert(g.clone());
                }
            }
            cluster.has_full = true;
        }
        let cluster = &mut self.clusters[id];
        // Misspellings are looked for among people named in full or with a
        // title (`Mr Chidambaram`), never among bare words.
        let titled = c
            .title
            .as_ref()
            .is_some_and(|t| t.class != TitleClass::Role);
        if !cluster.indexed && (c.form == MentionForm::Full || titled) {
            cluster.indexed = true;
            let bucket = near_bucket(&cluster.surname_key);
            self.near_index.entry(bucket).or_default().push(id);
        }
    }

    /// `Park Seung` is later `Mr Park`: a name opening with an East Asian
    /// surname is also found by that surname.
    fn alias(&mut self, c: &Candidate, id: usize) {
        if let Some(key) = &c.alias_key {
            self.add_key(key, id);
        }
    }

    /// Let later references find cluster `id` by `key` too.
    fn add_key(&mut self, key: &str, id: usize) {
        let ids = self.by_surname.entry(key.to_owned()).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Join a misspelling to the person it misspells; later references
    /// written the same way then find the person too.
    fn assign_variant(&mut self, i: usize, c: &Candidate, id: usize) {
        self.add_key(&c.surname_key, id);
        self.assign(i, c, id, false);
    }

    fn join_full(&mut self, i: usize, c: &Candidate) {
        let given = c.given_key.as_deref().unwrap_or("");
        let same_surname = self
            .by_surname
            .get(&c.surname_key)
            .cloned()
            .unwrap_or_default();
        // `Ruiz Ocampo` after `Valentina Ruiz Ocampo`: both surnames.
        if let Some(id) = same_surname
            .iter()
            .copied()
            .filter(|&id| self.clusters[id].first_surnames.iter().any(|f| f == given))
            .max_by_key(|&id| self.clusters[id].last)
        {
            self.double_surname[i] = true;
            self.assign(i, c, id, false);
            return;
        }
        let pick = |f: &dyn Fn(&Cluster) -> bool| {
            same_surname
                .iter()
                .copied()
                .filter(|&id| f(&self.clusters[id]))
                .max_by_key(|&id| self.clusters[id].last)
        };
        // `George W. Bush` and `George H.W. Bush` are two people.
        let middle_conflict = |cl: &Cluster| {
            c.middle
                .as_ref()
                .is_some_and(|m| cl.middles.iter().any(|(g, other)| g == given && other != m))
        };
        let found = pick(&|cl| cl.given_keys.iter().any(|g| g == given) && !middle_conflict(cl))
            .or_else(|| pick(&|cl| cl.given_keys.is_empty() && compatible(cl, c)))
            .or_else(|| {
                if c.given_is_initial {
                    return None;
                }
                pick(&|cl| {
                    cl.given_keys
                        .iter()
                        .any(|g| near_spelling(g, given) && !is_short_form(g, given))
                })
            })
            .or_else(|| {
                // `Jon`/`John`, `Stefan`/`Stephan` (one name written two
                // ways), or `Yuko`/`Yoko` when nobody else of the story has
                // the surname: a given name nobody else in the story has.
                if c.given_is_initial || self.givens.contains(given) {
                    return None;
                }
                let alone = same_surname.len() == 1;
                // Two names in one paragraph are two people (`Dana Kerr and
                // Dina Kerr, sisters`): a slip repeats a name from afar.
                pick(&|cl| {
                    cl.last_paragraph != c.paragraph
                        && cl.given_keys.iter().any(|g| {
                            same_sound(g, given)
                                || (alone && cl.given_keys.len() == 1 && vowel_slip(g, given))
                        })
                })
            })
            .or_else(|| {
                // `Benjamin Netanyahou` after `Benjamin Netanyahu`; with the
                // same given name and the same office, also a surname one
                // letter longer (`Mayor Dana Whitcombe` after `Mayor Dana
                // Whitcomb`), which alone is often another name (`Browne`).
                if !same_surname.is_empty() || c.given_is_initial || !self.givens.contains(given) {
                    return None;
                }
                let mut near = self
                    .near_ids_or_tail(&c.surname_key, c.title.as_ref())
                    .into_iter()
                    .filter(|&id| self.clusters[id].given_keys.iter().any(|g| g == given));
                let first = near.next()?;
                near.next().is_none().then_some(first)
            });
        let id = found.unwrap_or_else(|| self.new_cluster(c));
        if self.clusters[id].surname_key != c.surname_key {
            self.add_key(&c.surname_key, id);
        }
        self.alias(c, id);
        self.assign(i, c, id, false);
    }

    /// Attach a surname reference to its person; `may_create` lets it start
    /// a person of its own when none matches.
    fn attach_surname(&mut self, i: usize, c: &Candidate, may_create: bool) {
        if let Some(ids) = self.by_surname.get(&c.surname_key) {
            let ids = ids.clone();
            let before: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&id| self.clusters[id].mentions.iter().any(|&m| m < i))
                .collect();
            let pool = if before.is_empty() { &ids } else { &before };
            let id = if before.is_empty() {
                // Before any of them (an early bare surname): the first.
                pool.iter()
                    .copied()
                    .min_by_key(|&id| self.clusters[id].mentions[0])
            } else {
                pool.iter()
                    .copied()
                    .max_by_key(|&id| self.clusters[id].last)
            };
            if let Some(id) = id {
                let people = ids
                    .iter()
                    .filter(|&&id| !self.clusters[id].given_keys.is_empty())
                    .count();
                self.assign(i, c, id, people > 1);
                return;
            }
        }
        if !may_create {
            return;
        }
        let near = if self.may_be_variant(c) {
            self.near_person(&c.surname_key, false)
        } else {
            None
        };
        match near {
            Some(id) => self.assign_variant(i, c, id),
            None => {
                let id = self.new_cluster(c);
                self.assign(i, c, id, false);
            }
        }
    }

    /// The one person named in full or with a title (only in full with
    /// `need_full`) whose surname is a near spelling of `key`.
    fn near_person(&self, key: &str, need_full: bool) -> Option<usize> {
        let found: Vec<usize> = self
            .near_ids(key)
            .into_iter()
            .filter(|&id| !need_full || self.clusters[id].has_full)
            .collect();
        // Several people sharing the surname it misspells (`Bill Clinton`,
        // `Hillary Clinton`): still that surname misspelled; the most
        // recently mentioned of them, as a bare surname would take.
        let first = *found.first()?;
        let one_surname = found
            .iter()
            .all(|&id| self.clusters[id].surname_key == self.clusters[first].surname_key);
        one_surname.then(|| {
            found
                .iter()
                .copied()
                .max_by_key(|&id| self.clusters[id].last)
                .unwrap_or(first)
        })
    }

    /// [`Self::near_ids`], and with `title` given, also the clusters whose
    /// surname `key` extends by a letter and that held an office of
    /// `title`.
    fn near_ids_or_tail(&self, key: &str, title: Option<&Title>) -> Vec<usize> {
        let mut ids = self.near_ids(key);
        if let (Some(title), Some(bucket)) = (title, self.near_index.get(&near_bucket(key))) {
            let tails: Vec<usize> = bucket
                .iter()
                .copied()
                .filter(|&id| {
                    let cl = &self.clusters[id];
                    !ids.contains(&id)
                        && one_letter_longer(&cl.surname_key, key)
                        && cl.titles.iter().any(|t| t.shares_office(title))
                })
                .collect();
            ids.extend(tails);
        }
        ids
    }

    /// Indexed clusters whose surname is a near spelling of `key`.
    fn near_ids(&self, key: &str) -> Vec<usize> {
        if key.chars().count() < 4 {
            return Vec::new();
        }
        let Some(bucket) = self.near_index.get(&near_bucket(key)) else {
            return Vec::new();
        };
        // A story with this many people starting alike is a list, not
        // prose; comparing each would be quadratic for no finding.
        if bucket.len() > MAX_NEAR_BUCKET {
            return Vec::new();
        }
        let repeated = self.repeated(key);
        bucket
            .iter()
            .copied()
            .filter(|&id| {
                let known = &self.clusters[id].surname_key;
                if repeated {
                    near_spelling(known, key) && known.get(..2) == key.get(..2)
                } else {
                    near_surname(known, key)
                }
            })
            .collect()
    }

    fn finish(self, doc: &Document<'_>, candidates: Vec<Candidate>) -> People {
        // Keep clusters that have a mention; number them by first mention.
        let mut order: Vec<usize> = (0..self.clusters.len())
            .filter(|&id| !self.clusters[id].mentions.is_empty())
            .collect();
        order.sort_by_key(|&id| self.clusters[id].mentions.iter().min().copied());
        let mut new_id = vec![usize::MAX; self.clusters.len()];
        for (n, &id) in order.iter().enumerate() {
            new_id[id] = n;
        }
        let mut people = People {
            mentions: Vec::with_capacity(candidates.len()),
            persons: order
                .iter()
                .map(|&id| Person {
                    mentions: Vec::new(),
                    name: String::new(),
                    full: None,
                    surname_key: self.clusters[id].surname_key.clone(),
                })
                .collect(),
        };
        // Candidates are in text order already.
        for (i, c) in candidates.into_iter().enumerate() {
            let Some((id, ambiguous)) = self.assigned[i] else {
                continue;
            };
            let person = new_id[id];
            let m = people.mentions.len();
            let p = &mut people.persons[person];
            p.mentions.push(m);
            let mut c = c;
            if self.double_surname[i] {
                c.form = MentionForm::Surname;
                c.given = None;
                c.surname = c.range.clone();
            }
            if p.full.is_none() && (c.form == MentionForm::Full || c.complete) {
                p.full = Some(m);
            }
            people.mentions.push(Mention {
                title: c.title.as_ref().map(|t| t.range.clone()),
                range: c.range,
                surname: c.surname,
                form: c.form,
                paragraph: c.paragraph,
                person,
                given: c.given,
                title_info: c.title,
                evidence: c.evidence,
                complete: c.complete,
                ambiguous,
            });
        }
        for p in &mut people.persons {
            let shown = p.full.unwrap_or(p.mentions[0]);
            p.name = doc.text[people.mentions[shown].range.clone()].to_owned();
        }
        people
    }
}

/// Whether a full name may be the person a surname-only cluster refers to:
/// not when their titles say otherwise (`President Obama` … `first lady
/// Michelle Obama`; `Mr Smith` … `Ms Jane Smith`).
fn compatible(cluster: &Cluster, c: &Candidate) -> bool {
    let Some(title) = &c.title else {
        return true;
    };
    // `Beat Zurbriggen, a veteran Swiss diplomat,` after `Ambassador
    // Zurbriggen`: a description after the name names no office.
    let description = title.class == TitleClass::Role
        && title.offices.is_empty()
        && title.range.start > c.range.start;
    description || cluster.titles.iter().all(|t| t.may_be_one_person(title))
}

/// Shortest bare word (no title, no speech verb) taken for a misspelling
/// written once, and for a form the story repeats.
const MIN_BARE_NEAR_LEN: usize = 4;
const MIN_BARE_NEAR_LEN_REPEATED: usize = 6;

/// Shortest name compared for near spellings: short names differ by one
/// letter far too often (`Mark`/`Mary`, `Kerr`/`Kerry`).
const MIN_NEAR_LEN: usize = 5;

/// Whether two folded names are near enough to be one name misspelled:
/// one edit for five to seven letters, two from eight; never for shorter
/// names, plurals (`Obama`/`Obamas`) or feminine forms (`Louis`/`Louise`,
/// `Brown`/`Browne`), which are different names.
pub(crate) fn near_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let len = short.chars().count();
    if len < MIN_NEAR_LEN || long.chars().count() > len + 2 {
        return false;
    }
    if let Some(tail) = long.strip_prefix(short) {
        if matches!(tail, "s" | "es" | "e" | "a" | "ne" | "ie" | "y") {
            return false;
        }
    }
    let allowed = if len >= 8 { 2 } else { 1 };
    ascii_edit_distance(a, b).unwrap_or_else(|| strsim::osa_distance(a, b)) <= allowed
        || transliterated(a, b)
}

/// Two romanisations of one Russian or Ukrainian name: `yo` written `e`,
/// `iy` written `y` (`Kovalyov`/`Kovalev`, `Zelenskiy`/`Zelensky`).
fn transliterated(a: &str, b: &str) -> bool {
    fn plain(s: &str) -> String {
        s.replace("yo", "e").replace("iy", "y")
    }
    (a.contains("yo") || b.contains("yo") || a.contains("iy") || b.contains("iy"))
        && plain(a) == plain(b)
}

/// Whether `variant` may be surname `known` misspelled: a near spelling
/// ([`near_spelling`]), or for four-letter surnames one vowel written for
/// another (`Cruz`/`Croz`), the slip a four-letter name allows without
/// turning into the common different names one letter apart (`Kerr`/`Kerry`,
/// `Mark`/`Mary`).
pub(crate) fn near_surname(known: &str, variant: &str) -> bool {
    near_spelling(known, variant) || vowel_slip(known, variant)
}

fn vowel_slip(a: &str, b: &str) -> bool {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != 4 || b.len() != 4 || a[0] != b[0] {
        return false;
    }
    let diffs: Vec<usize> = (1..4).filter(|&i| a[i] != b[i]).collect();
    matches!(diffs[..], [i] if is_vowel(a[i]) && is_vowel(b[i]))
}

/// [`strsim::osa_distance`] without allocating, for ASCII names up to 32 bytes
/// (nearly all); `None` otherwise.
fn ascii_edit_distance(a: &str, b: &str) -> Option<usize> {
    const MAX: usize = 32;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX || b.len() > MAX || !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    // Three rows used in turn: two back (for transpositions), one back,
    // current.
    let mut rows = [[0u8; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    Some(usize::from(rows[a.len() % 3][b.len()]))
}

/// Whether `long` is `short` with one letter added at the end
/// (`Whitcomb`/`Whitcombe`), for names of five letters or more.
fn one_letter_longer(short: &str, long: &str) -> bool {
    short.chars().count() >= MIN_NEAR_LEN
        && long
            .strip_prefix(short)
            .is_some_and(|t| t.chars().count() == 1)
}

/// Whether two given names are one name written two ways: the same once a
/// silent `h` is dropped and `ph` is read as `f` (`Jon`/`John`,
/// `Stefan`/`Stephan`, `Mathew`/`Matthew` aside, which doubles a letter).
fn same_sound(a: &str, b: &str) -> bool {
    fn sound(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut prev = ' ';
        for c in s.chars() {
            match c {
                'h' if prev == 'p' => {
                    out.pop();
                    out.push('f');
                }
                'h' if prev != ' ' && !matches!(prev, 'c' | 's') => {}
                c if c == prev => {}
                c => out.push(c),
            }
            prev = c;
        }
        out
    }
    a != b && a.chars().count() >= 3 && a.get(..1) == b.get(..1) && sound(a) == sound(b)
}

/// `Steve`/`Steven`: a given name that is the start of another given name
/// is its short form, possibly another person's name.
fn is_short_form(a: &str, b: &str) -> bool {
    (a.starts_with(b) || b.starts_with(a))
        && lexicon::GIVEN_NAMES.contains(a)
        && lexicon::GIVEN_NAMES.contains(b)
}

/// The near-spelling bucket of a folded surname: its first letter (a
/// misspelling keeps the first letter far more often than not; the second
/// is often the very vowel swapped: `Sanders`/`Senders`).
fn near_bucket(key: &str) -> String {
    key.chars().take(1).collect()
}

/// Largest bucket of similar-starting surnames searched for a near spelling.
const MAX_NEAR_BUCKET: usize = 64;

#[cfg(test)]
mod tests {
    use super::super::testing::{names_of, people};
    use super::*;

    #[test]
    fn full_name_and_later_surnames_are_one_person() {
        let (_, persons) = people(
            "US Secretary of State Antony Blinken said on Friday that talks continue.\n\
             Blinken told reporters the gaps were narrowing.\n\
             Speaking in Doha, Blinken added that Blinken's team would stay.\n",
        );
        assert_eq!(
            persons,
            [(
                "Antony Blinken".to_owned(),
                vec![
                    "Antony Blinken".to_owned(),
                    "Blinken".into(),
                    "Blinken".into(),
                    "Blinken".into()
                ]
            )]
        );
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let (doc, persons) = people(
            "President Joe Biden spoke on Monday.\n\
             His son Hunter Biden was in court.\n\
             Biden said he was proud.\n",
        );
        assert_eq!(names_of(&persons), ["Joe Biden", "Hunter Biden"]);
        let last = doc.people.mentions.last().unwrap();
        assert!(last.ambiguous);
        assert_eq!(doc.people.persons[last.person].name, "Hunter Biden");
    }

    #[test]
    fn diacritics_do_not_split_a_person() {
        let (_, persons) = people("José Mourinho arrived. Jose Mourinho said he was happy.\n");
        assert_eq!(persons.len(), 1);
        assert_eq!(persons[0].1.len(), 2);
    }

    #[test]
    fn near_spellings_join_the_person_they_misspell() {
        let (_, persons) = people(
            "Prime Minister Benjamin Netanyahu spoke.\nNetanyahou said Israel would go on.\n",
        );
        assert_eq!(persons.len(), 1);
        assert_eq!(persons[0].1, ["Benjamin Netanyahu", "Netanyahou"]);
        assert!(near_spelling("antony", "anthony"));
        assert!(near_spelling("zelensky", "zelenskiy"));
        assert!(near_spelling("kovalyov", "kovalev"));
        assert!(!near_spelling("kovalyov", "kovalenko"));
        assert!(!near_spelling("louis", "louise"));
        assert!(!near_spelling("obama", "obamas"));
        assert!(!near_spelling("mark", "mary"));
    }

    #[test]
    fn ascii_edit_distance_matches_the_general_one() {
        for (a, b) in [
            ("netanyahu", "netanyahou"),
            ("khodorkovsky", "khordokovsky"),
            ("antony", "anthony"),
            ("form", "from"),
            ("", "abc"),
            ("zelensky", "zelenskiy"),
        ] {
            assert_eq!(
                ascii_edit_distance(a, b),
                Some(strsim::osa_distance(a, b)),
                "{a} {b}"
            );
        }
        assert_eq!(ascii_edit_distance("josé", "jose"), None);
    }

    #[test]
    fn two_people_with_one_given_name_and_different_initials() {
        let (_, persons) =
            people("President George W. Bush spoke. His father George H.W. Bush listened.\n");
        assert_eq!(names_of(&persons), ["George W. Bush", "George H.W. Bush"]);
    }

    #[test]
    fn a_full_name_with_another_role_is_not_the_titled_surname() {
        let (_, persons) =
            people("President Obama spoke on Monday.\nHe thanked first lady Michelle Obama.\n");
        assert_eq!(names_of(&persons), ["Obama", "Michelle Obama"]);
    }

    #[test]
    fn double_surnames_are_one_person() {
        let (doc, persons) = people(
            "Col. Raúl Tamayo Ccori led the rescue.\nTamayo said troops had arrived.\n\
             Valentina Ruiz Ocampo won. Ruiz Ocampo will play on Friday.\n\
             Ana Rita Carvalho spoke. Carvalho said so.\n",
        );
        assert_eq!(
            names_of(&persons),
            [
                "Raúl Tamayo Ccori",
                "Valentina Ruiz Ocampo",
                "Ana Rita Carvalho"
            ]
        );
        assert_eq!(persons[0].1, ["Raúl Tamayo Ccori", "Tamayo"]);
        assert_eq!(persons[1].1, ["Valentina Ruiz Ocampo", "Ruiz Ocampo"]);
        let both = doc
            .people
            .mentions
            .iter()
            .find(|m| m.range.len() == 11)
            .unwrap();
        assert_eq!(both.form, MentionForm::Surname);
    }

    #[test]
    fn a_particle_opening_a_sentence_opens_the_surname() {
        let (_, persons) = people(
            "Henrike von Aschenbach said so.\nThe firm paid.\nVon Aschenbach said it was fair.\n\
             Van der Berg said he scored twice.\n",
        );
        assert_eq!(persons[0].1, ["Henrike von Aschenbach", "Von Aschenbach"]);
        assert_eq!(persons.len(), 2);
    }

    #[test]
    fn given_name_variants_join_the_person() {
        let (_, persons) = people(
            "Jon Varga runs the bakery with Anthony Varga.\nJohn Varga said he never wanted it.\n\
             Executive Vice President Yuko Morimoto spoke.\nYoko Morimoto said so.\n\
             Stefan Keller spoke.\nStephan Keller left.\n",
        );
        assert_eq!(
            names_of(&persons),
            [
                "Jon Varga",
                "Anthony Varga",
                "Yuko Morimoto",
                "Stefan Keller"
            ]
        );
        assert!(same_sound("jon", "john"));
        assert!(same_sound("stefan", "stephan"));
        assert!(!same_sound("mark", "mike"));
    }

    #[test]
    fn brothers_and_unrelated_namesakes_stay_apart() {
        let (_, persons) = people(
            "Lukas Berger won the stage.\nBerger said it was hard.\nHis brother Jonas Berger was third.\n\
             Ana Morales Vidal, the minister, spoke.\nPedro Moralez Soto, an analyst, disagreed.\n\
             Dana Kerr, a nurse, spoke.\nDana Kerr and Dina Kerr, sisters, spoke.\n",
        );
        assert_eq!(
            names_of(&persons),
            [
                "Lukas Berger",
                "Jonas Berger",
                "Ana Morales Vidal",
                "Pedro Moralez Soto",
                "Dana Kerr",
                "Dina Kerr"
            ]
        );
        assert_eq!(persons[0].1, ["Lukas Berger", "Berger"]);
    }

    #[test]
    fn one_letter_added_with_the_same_name_and_office_is_one_person() {
        let (_, persons) = people(
            "Mayor Dana Whitcomb spoke on Monday.\nThe council met.\nMayor Dana Whitcombe said so.\n",
        );
        assert_eq!(names_of(&persons), ["Dana Whitcomb"]);
        let (_, persons) =
            people("Gordon Brown spoke on Monday.\nThe council met.\nJane Browne said so.\n");
        assert_eq!(persons.len(), 2);
    }

    #[test]
    fn short_forms_of_given_names_are_not_misspellings() {
        let (_, persons) = people("Steven Gerrard scored. Steve Gerrard is his cousin.\n");
        assert_eq!(persons.len(), 2);
    }
}
