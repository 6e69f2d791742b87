//! A cache of per-paragraph work that lives across runs on one thread.
//!
//! An editor re-checks the whole draft on every keystroke, but a keystroke
//! changes one paragraph: the units of the others are the same text as last
//! time. Results are keyed by a hash of the unit's text (and its length), so
//! moved text still hits. Two generations keep the cache bounded by the size
//! of the draft: each run starts a new generation, and what the previous run
//! did not use is dropped when the next one starts.

use rustc_hash::FxHashMap;

pub(crate) struct GenerationCache<V> {
    current: FxHashMap<(u64, usize), V>,
    previous: FxHashMap<(u64, usize), V>,
}

impl<V: Clone> Default for GenerationCache<V> {
    fn default() -> Self {
        GenerationCache {
            current: FxHashMap::default(),
            previous: FxHashMap::default(),
        }
    }
}

impl<V: Clone> GenerationCache<V> {
    /// Start a run: last run's results become the previous generation.
    pub(crate) fn start_run(&mut self) {
        self.previous = std::mem::take(&mut self.current);
    }

    /// The cached value for `text`, or `compute`'s.
    pub(crate) fn get_or_insert_with(&mut self, text: &str, compute: impl FnOnce() -> V) -> V {
        let key = (hash(text), text.len());
        if let Some(v) = self.current.get(&key) {
            return v.clone();
        }
        let v = self.previous.remove(&key).unwrap_or_else(compute);
        self.current.insert(key, v.clone());
        v
    }
}

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_last_run_used_and_drops_the_rest() {
        let mut cache = GenerationCache::default();
        let computed = std::cell::Cell::new(0);
        let get = |cache: &mut GenerationCache<usize>, text: &str| {
            cache.get_or_insert_with(text, || {
                computed.set(computed.get() + 1);
                text.len()
            })
        };
        cache.start_run();
        assert_eq!(get(&mut cache, "alpha"), 5);
        assert_eq!(get(&mut cache, "beta"), 4);
        cache.start_run();
        assert_eq!(get(&mut cache, "alpha"), 5); // hit from the previous run
        cache.start_run();
        cache.start_run();
        assert_eq!(get(&mut cache, "beta"), 4); // unused for a run: recomputed
        assert_eq!(computed.get(), 3);
    }
}
