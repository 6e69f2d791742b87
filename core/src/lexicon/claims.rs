//! Words that say the same claim in news copy, for comparing what two
//! paragraphs report (`repeat/paragraph`).

/// News verbs and nouns that a paraphrase swaps for one another, written
/// `word=canonical` (`climbed` and `jumped` both report a rise). Each word
/// is a base form; the check stems both sides. Kept small and unambiguous
/// in wire copy: a word with a common second sense (`fire`, `post`, `hit`)
/// stays out, since a wrong merge would make two different claims look
/// alike.
pub(crate) static CLAIM_SYNONYMS: crate::lexicon::WordSet = crate::lexicon::WordSet::of(&["
jump=rise climb=rise surge=rise soar=rise rose=rise increase=rise
fall=drop fell=drop decline=drop slide=drop slid=drop tumble=drop plunge=drop slump=drop
reduce=cut trim=cut slash=cut lower=cut
fear=worry concern=worry
highest=high higher=high lowest=low biggest=big largest=large
shortfall=gap deficit=gap
protect=spare shield=spare
position=job
follow=track monitor=track trace=track
build=create establish=create
joint=shared
detect=find discover=find uncover=find
separate=detach
book=record
pressure=press pressed=press
meet=reach achieve=reach
came=arrive come=arrive
kill=dead killed=dead die=dead died=dead death=dead
injure=injured wound=injured wounded=injured
hurry=rush
purchase=buy bought=buy
walkout=strike
agreement=deal
unveil=announce
earthquake=quake tremor=quake
begin=start began=start launch=start
finish=end conclude=end
legislator=lawmaker
"]);
