//! A cache of per-unit work (the checks' and the incremental parse's) that
//! lives across the runs of one [`crate::Session`].
//!
//! An editor re-checks the whole draft on every keystroke, but a keystroke
//! changes one paragraph: the units of the others are the same text as last
//! time. Results are keyed by the unit's text itself (a boxed copy), so moved
//! text still hits and two texts that hash alike are still told apart by the
//! map's key comparison: a hash collision costs a comparison, never a wrong
//! answer. Two generations keep the cache bounded by the size of the draft:
//! each run starts a new generation, and what the previous run did not use
//! is dropped when the next one starts.

use std::collections::HashMap;
use std::hash::BuildHasher;

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

impl<V, S: Default> GenerationCache<V, S> {
    /// Forget everything (the statistics stay).
    pub(crate) fn clear(&mut self) {
        self.current = HashMap::default();
        self.previous = HashMap::default();
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
}
