//! Abbreviations that take a period without ending a sentence, as written
//! (case matters: `Gen.` but not `gen.`).

use super::WordSet;

/// Words that take a period without ending a sentence.
pub(crate) static ABBREVIATIONS: WordSet = WordSet::of(&["
Adm Ala Apr Ariz Ark Aug Ave Blvd Brig Bros Calif Capt Cmdr Co Col Colo Conn Corp Cpl Dec Del
Dept Dr Feb Fla Fr Ft Ga Gen Gov Hon Ill Inc Ind Jan Jr Kan Ky La Lt Ltd Maj Mass Md Messrs Mich
Minn Miss Mo Mont Mr Mrs Ms Msgr Mt No Nos Nov Oct Okla Ore Pa Pfc Ph Prof Pvt Rep Reps Rev Rd
Sen Sens Sep Sept Sgt Sr St Supt Tenn Tex Va Vt Wash Wis Wyo approx ca cf e.g i.e vs
"]);
