//! Caches of per-unit work (the checks' and the incremental parse's) that
//! live across the runs of one [`crate::Session`].
//!
//! An editor re-checks the whole draft on every keystroke, but a keystroke
//! changes one paragraph: the units of the others are the same text as last
//! time. Results are keyed by the unit's text itself, so moved text still
//! hits and two texts that hash alike are still told apart by comparing
//! the texts: a hash collision costs a comparison, never a wrong answer.
//! Two generations keep a cache bounded by the size of the draft: what a
//! run did not use is dropped when the next one starts (or, for a
//! [`TextCache`], when it ends).
//!
//! Two kinds, by how much of the draft their units cover. A
//! [`GenerationCache`] keeps a boxed copy of each unit's text as its key:
//! right for units that are a small part of the draft (quotes). A
//! [`TextCache`] is for units that tile the draft (paragraphs and each of
//! their sentences): copies of those were twice the draft plus a header
//! each, a sixth of the peak memory of checking a long one. It keys each
//! unit by its range in the run's text instead, and keeps one copy of that
//! text between runs to compare the next run's units with.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;

use rustc_hash::FxBuildHasher;

/// How a cache has been used: lookups answered from it and computed anew,
/// and the entries it holds now.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CacheStats {
    pub hits: u64,
    pub misses: u64,
    pub entries: usize,
}

pub(crate) struct GenerationCache<V, S = FxBuildHasher> {
    current: HashMap<Box<str>, V, S>,
    previous: HashMap<Box<str>, V, S>,
    hits: u64,
    misses: u64,
}

impl<V, S: Default> Default for GenerationCache<V, S> {
    fn default() -> Self {
        GenerationCache {
            current: HashMap::default(),
            previous: HashMap::default(),
            hits: 0,
            misses: 0,
        }
    }
}

impl<V, S: Default> GenerationCache<V, S> {
    /// Forget everything (the statistics stay).
    pub(crate) fn clear(&mut self) {
        self.current = HashMap::default();
        self.previous = HashMap::default();
    }
}

impl<V: Clone, S: BuildHasher + Default> GenerationCache<V, S> {
    /// Start a run: last run's results become the previous generation, and
    /// what the run before it left unused is dropped.
    pub(crate) fn start_run(&mut self) {
        self.previous = std::mem::take(&mut self.current);
        // Room for as many units as last time: growing rehashes every key,
        // and the keys are whole texts.
        self.current.reserve(self.previous.len());
    }

    /// The cached value for `text`, or `compute`'s.
    pub(crate) fn get_or_insert_with(&mut self, text: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.current.get(text) {
            self.hits += 1;
            return v.clone();
        }
        let (key, v) = match self.previous.remove_entry(text) {
            Some(entry) => {
                self.hits += 1;
                entry
            }
            None => {
                self.misses += 1;
                (text.into(), compute())
            }
        };
        self.current.insert(key, v.clone());
        v
    }

    /// The cached value for `text`, if any (kept for this run).
    pub(crate) fn get(&mut self, text: &str) -> Option<V> {
        if let Some(v) = self.current.get(text) {
            self.hits += 1;
            return Some(v.clone());
        }
        let (key, v) = self.previous.remove_entry(text)?;
        self.hits += 1;
        self.current.insert(key, v.clone());
        Some(v)
    }

    /// Store `v` as computed for `text` (replacing what was there).
    pub(crate) fn insert(&mut self, text: &str, v: V) {
        self.misses += 1;
        self.current.insert(text.into(), v);
    }

    pub(crate) fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits,
            misses: self.misses,
            entries: self.current.len() + self.previous.len(),
        }
    }
}

/// A cache keyed by ranges of one text per run (see the module docs).
///
/// Every lookup of a run passes the run's whole text and the unit's range
/// in it; [`TextCache::finish_run`] is given that same text and keeps a
/// copy of it, which the next run's lookups compare their units with.
pub(crate) struct TextCache<V, S = FxBuildHasher> {
    /// This run's entries: ranges of the text each lookup passes.
    current: HashTable<Entry<V>>,
    /// The last finished run's entries: ranges of `kept_text`.
    kept: HashTable<Entry<V>>,
    kept_text: String,
    hasher: S,
    hits: u64,
    misses: u64,
}

struct Entry<V> {
    hash: u64,
    start: u32,
    end: u32,
    value: V,
}

impl<V> Entry<V> {
    fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

impl<V, S: Default> Default for TextCache<V, S> {
    fn default() -> Self {
        TextCache {
            current: HashTable::new(),
            kept: HashTable::new(),
            kept_text: String::new(),
            hasher: S::default(),
            hits: 0,
            misses: 0,
        }
    }
}

impl<V: Clone, S: BuildHasher> TextCache<V, S> {
    /// Start a run. Entries of a run that never finished (a panic went
    /// through it) point into a text that is gone: they are dropped.
    pub(crate) fn start_run(&mut self) {
        self.current.clear();
        // Room for as many units as last time: growing rehashes them.
        self.current.reserve(self.kept.len(), |e| e.hash);
    }

    /// The cached value for `text[range]`, or `compute`'s.
    pub(crate) fn get_or_insert_with(
        &mut self,
        text: &str,
        range: Range<usize>,
        compute: impl FnOnce() -> V,
    ) -> V {
        let unit = &text[range.clone()];
        let hash = self.hasher.hash_one(unit);
        if let Some(entry) = self
            .current
            .find(hash, |e| e.hash == hash && e.text(text) == unit)
        {
            self.hits += 1;
            return entry.value.clone();
        }
        let kept_text = &self.kept_text;
        let value = match self
            .kept
            .find_entry(hash, |e| e.hash == hash && e.text(kept_text) == unit)
        {
            Ok(found) => {
                self.hits += 1;
                found.remove().0.value
            }
            Err(_) => {
                self.misses += 1;
                compute()
            }
        };
        let offset = |at: usize| u32::try_from(at).expect("a text under 4 GB");
        let entry = Entry {
            hash,
            start: offset(range.start),
            end: offset(range.end),
            value: value.clone(),
        };
        self.current.insert_unique(hash, entry, |e| e.hash);
        value
    }

    /// End the run over `text` (the text every lookup of the run passed):
    /// its entries are kept for the next run with a copy of `text`, and the
    /// last run's entries that this one did not use are dropped.
    pub(crate) fn finish_run(&mut self, text: &str) {
        self.kept = std::mem::take(&mut self.current);
        self.kept_text.clear();
        if !self.kept.is_empty() {
            self.kept_text.push_str(text);
        }
    }

    pub(crate) fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits,
            misses: self.misses,
            entries: self.current.len() + self.kept.len(),
        }
    }

    /// Forget everything (the statistics stay).
    pub(crate) fn clear(&mut self) {
        self.current = HashTable::new();
        self.kept = HashTable::new();
        self.kept_text = String::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    fn get<S: BuildHasher + Default>(
        cache: &mut GenerationCache<usize, S>,
        computed: &std::cell::Cell<usize>,
        text: &str,
    ) -> usize {
        cache.get_or_insert_with(text, || {
            computed.set(computed.get() + 1);
            text.len()
        })
    }

    #[test]
    fn keeps_what_the_last_run_used_and_drops_the_rest() {
        let mut cache: GenerationCache<usize> = GenerationCache::default();
        let computed = std::cell::Cell::new(0);
        cache.start_run();
        assert_eq!(get(&mut cache, &computed, "alpha"), 5);
        assert_eq!(get(&mut cache, &computed, "beta"), 4);
        cache.start_run();
        assert_eq!(get(&mut cache, &computed, "alpha"), 5); // hit from the previous run
        cache.start_run();
        cache.start_run();
        assert_eq!(get(&mut cache, &computed, "beta"), 4); // unused for a run: recomputed
        assert_eq!(computed.get(), 3);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: 1,
                misses: 3,
                entries: 1
            }
        );
    }

    /// Every text hashes to 0: every key lands in one bucket.
    #[derive(Default)]
    struct OneBucket;

    struct Zero;

    impl Hasher for Zero {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, _: &[u8]) {}
    }

    impl BuildHasher for OneBucket {
        type Hasher = Zero;
        fn build_hasher(&self) -> Zero {
            Zero
        }
    }

    #[test]
    fn texts_with_the_same_hash_keep_their_own_values() {
        let mut cache: GenerationCache<String, OneBucket> = GenerationCache::default();
        assert_eq!(OneBucket.hash_one("alpha"), OneBucket.hash_one("omega"));
        let value = |cache: &mut GenerationCache<String, OneBucket>, text: &str| {
            cache.get_or_insert_with(text, || text.to_uppercase())
        };
        cache.start_run();
        assert_eq!(value(&mut cache, "alpha"), "ALPHA");
        // Same hash and same length as "alpha": the old `(hash, len)` key
        // would have answered "ALPHA".
        assert_eq!(value(&mut cache, "omega"), "OMEGA");
        cache.start_run();
        assert_eq!(value(&mut cache, "omega"), "OMEGA");
        assert_eq!(value(&mut cache, "alpha"), "ALPHA");
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses), (2, 2));
    }

    fn get_text<S: BuildHasher>(
        cache: &mut TextCache<usize, S>,
        computed: &std::cell::Cell<usize>,
        text: &str,
        unit: &str,
    ) -> usize {
        let at = text.find(unit).expect("the unit is in the text");
        cache.get_or_insert_with(text, at..at + unit.len(), || {
            computed.set(computed.get() + 1);
            unit.len()
        })
    }

    #[test]
    fn a_text_cache_keeps_what_the_last_run_used_wherever_it_moved() {
        let mut cache: TextCache<usize> = TextCache::default();
        let computed = std::cell::Cell::new(0);
        let first = "alpha beta";
        cache.start_run();
        assert_eq!(get_text(&mut cache, &computed, first, "alpha"), 5);
        assert_eq!(get_text(&mut cache, &computed, first, "beta"), 4);
        cache.finish_run(first);
        // Moved: found by its text, at another offset.
        let second = "gamma alpha";
        cache.start_run();
        assert_eq!(get_text(&mut cache, &computed, second, "alpha"), 5);
        assert_eq!(computed.get(), 2, "alpha came from the last run");
        cache.finish_run(second);
        // `beta` went unused for a run: recomputed.
        let third = "beta";
        cache.start_run();
        assert_eq!(get_text(&mut cache, &computed, third, "beta"), 4);
        cache.finish_run(third);
        assert_eq!(computed.get(), 3);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: 1,
                misses: 3,
                entries: 1
            }
        );
    }

    #[test]
    fn a_text_cache_tells_apart_texts_with_the_same_hash() {
        let mut cache: TextCache<String, OneBucket> = TextCache::default();
        let value = |cache: &mut TextCache<String, OneBucket>, text: &str, unit: &str| {
            let at = text.find(unit).unwrap();
            cache.get_or_insert_with(text, at..at + unit.len(), || unit.to_uppercase())
        };
        let first = "alpha omega";
        cache.start_run();
        assert_eq!(value(&mut cache, first, "alpha"), "ALPHA");
        assert_eq!(value(&mut cache, first, "omega"), "OMEGA");
        cache.finish_run(first);
        let second = "omega alpha";
        cache.start_run();
        assert_eq!(value(&mut cache, second, "omega"), "OMEGA");
        assert_eq!(value(&mut cache, second, "alpha"), "ALPHA");
        cache.finish_run(second);
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.misses), (2, 2));
    }

    #[test]
    fn a_run_that_never_finished_leaves_nothing_behind() {
        let mut cache: TextCache<usize> = TextCache::default();
        let computed = std::cell::Cell::new(0);
        cache.start_run();
        get_text(&mut cache, &computed, "alpha", "alpha");
        // No `finish_run`: its ranges point into a text that is gone.
        cache.start_run();
        get_text(&mut cache, &computed, "alpha", "alpha");
        assert_eq!(computed.get(), 2);
    }
}
