//! The CI gate: per-family floors for precision and recall on the reporting
//! split, read from `eval-floors.toml`. Floors start at the measured values
//! rounded down and only ever go up.

use std::path::Path;

use copydesk::Family;
use serde::Deserialize;

use crate::score::Tally;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    pub quote: FamilyFloor,
    pub name: FamilyFloor,
    pub repeat: FamilyFloor,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FamilyFloor {
    pub precision: f64,
    pub recall: f64,
}

impl Floors {
    pub fn load(path: &Path) -> Result<Floors, String> {
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Floors::parse(&source).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(source: &str) -> Result<Floors, String> {
        let floors: Floors = toml::from_str(source).map_err(|e| e.to_string())?;
        for family in Family::ALL {
            let f = floors.family(family);
            for (what, v) in [("precision", f.precision), ("recall", f.recall)] {
                if !(0.0..=1.0).contains(&v) {
                    return Err(format!(
                        "{}.{what} = {v} is not between 0 and 1",
                        family.as_str()
                    ));
                }
            }
        }
        Ok(floors)
    }

    pub fn family(&self, family: Family) -> &FamilyFloor {
        // House rules and suppressions exist only with a configuration,
        // which the evaluation does not use: they have no floor.
        static NO_FLOOR: FamilyFloor = FamilyFloor {
            precision: 0.0,
            recall: 0.0,
        };
        match family {
            Family::Quote => &self.quote,
            Family::Name => &self.name,
            Family::Repeat => &self.repeat,
            Family::Style | Family::Suppression => &NO_FLOOR,
        }
    }

    /// Every floor the tally falls below, as a sentence. A family that
    /// reported nothing has no precision, which fails a positive floor.
    pub fn failures(&self, tally: &Tally) -> Vec<String> {
        let mut out = Vec::new();
        for family in Family::ALL {
            let floor = self.family(family);
            let counts = tally.family_counts(family);
            let measured = [
                ("precision", counts.precision(), floor.precision),
                ("recall", counts.recall(), floor.recall),
            ];
            for (what, value, min) in measured {
                let v = value.unwrap_or(0.0);
                if v < min {
                    out.push(format!(
                        "{} {what} {} is below its floor {min:.3}",
                        family.as_str(),
                        value.map_or("(none)".to_owned(), |v| format!("{v:.3}"))
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Counts;
    use copydesk::Check;

    const FLOORS: &str = "[quote]\nprecision = 0.9\nrecall = 0.5\n[name]\nprecision = 0.0\nrecall = 0.0\n[repeat]\nprecision = 0.0\nrecall = 0.0\n";

    #[test]
    fn parses_strictly() {
        let floors = Floors::parse(FLOORS).unwrap();
        assert_eq!(floors.quote.precision, 0.9);
        assert!(
            Floors::parse(&FLOORS.replace("recall = 0.5", "recal = 0.5"))
                .unwrap_err()
                .contains("recal")
        );
        assert!(Floors::parse(&FLOORS.replace("0.9", "1.5"))
            .unwrap_err()
            .contains("quote.precision"));
    }

    #[test]
    fn fails_families_below_their_floors() {
        let floors = Floors::parse(FLOORS).unwrap();
        let mut tally = Tally::default();
        tally.injected.insert(
            Check::QuoteUnattributed,
            Counts {
                tp: 8,
                fp: 2,
                fn_: 2,
            },
        );
        assert_eq!(
            floors.failures(&tally),
            ["quote precision 0.800 is below its floor 0.900"]
        );
        tally.injected.insert(
            Check::QuoteUnattributed,
            Counts {
                tp: 9,
                fp: 0,
                fn_: 20,
            },
        );
        assert_eq!(
            floors.failures(&tally),
            ["quote recall 0.310 is below its floor 0.500"]
        );
        tally.injected.clear();
        assert_eq!(
            floors.failures(&tally).len(),
            2,
            "no findings: no precision, no recall"
        );
    }
}
