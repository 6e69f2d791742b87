//! Person titles: the words that stand before a name (`Prime Minister`,
//! `Sen.`, `Mr`), what office each names, and which offices cannot be held
//! by one person at once.
//!
//! Words are folded; abbreviations are listed without their period (the
//! tokenizer leaves `Sen.` as `Sen` followed by a period). Phrases in the
//! word sets write `_` for their spaces.

use super::WordSet;

/// Every title, one entry per office ending in `;`: its class (`Courtesy`,
/// `Honorific`, `Royal`, `Office`), the office key (one for all spellings:
/// `Sen.` and `Senator` are `senator`), a colon, then its spellings, each a
/// run of folded words, separated by commas. Longest spellings come first
/// within an office, and the table is read in order, so that a scan in
/// table order meets the longest match first.
pub(crate) const TITLES: &str = "
Courtesy mr: mr;
Courtesy mrs: mrs;
Courtesy ms: ms, mx;
Courtesy miss: miss;
Courtesy dr: dr, doctor;
Honorific sir: sir;
Honorific dame: dame;
Honorific lord: lord;
Honorific lady: lady;
Honorific baron: baroness, baron;
Honorific rev: rev, reverend;
Honorific rabbi: rabbi;
Honorific imam: imam;
Honorific sheikh: sheikh, sheik;
Honorific ayatollah: grand ayatollah, ayatollah;
Honorific cardinal: cardinal;
Honorific archbishop: archbishop;
Honorific bishop: bishop;
Honorific professor: professor, prof;
Royal king: king;
Royal queen: queen;
Royal prince: crown prince, prince;
Royal princess: crown princess, princess;
Royal pope: pope;
Royal emperor: emperor, empress;
Royal emir: emir, sultan;
Royal duke: duke, duchess;
Office vice president: vice president, vice-president;
Office president: president, pres;
Office deputy prime minister: deputy prime minister;
Office prime minister: prime minister, premier;
Office vice chancellor: vice chancellor, vice-chancellor;
Office chancellor: chancellor;
Office secretary-general: secretary-general, secretary general;
Office secretary: secretary, minister;
Office lieutenant governor: lieutenant governor, lt governor, lt gov, lieutenant-governor;
Office governor: governor, gov;
Office senator: senator, sen;
Office representative: representative, rep, congressman, congresswoman;
Office mayor: mayor;
Office councillor: council member, councilmember, councilman, councilwoman, councillor, councilor,
    alderman, alderwoman, alderperson;
Office speaker: speaker;
Office attorney general: attorney general;
Office leader: majority leader, minority leader, leader;
Office chair: chairman, chairwoman, chairperson, chair;
Office chief executive: chief executive officer, chief executive, ceo;
Office chief operating officer: chief operating officer, coo;
Office chief financial officer: chief financial officer, chief finance officer, cfo;
Office chief technology officer: chief technology officer, chief technical officer, cto;
Office chief medical officer: chief medical officer;
Office chief scientific officer: chief scientific officer, chief science officer;
Office chief information officer: chief information officer;
Office chief investment officer: chief investment officer;
Office chief marketing officer: chief marketing officer;
Office chief commercial officer: chief commercial officer;
Office chief legal officer: chief legal officer;
Office chief risk officer: chief risk officer;
Office chief strategy officer: chief strategy officer;
Office chief nursing officer: chief nursing officer;
Office general manager: general manager;
Office managing director: managing director;
Office judge: chief justice, justice, judge;
Office prosecutor: chief prosecutor, prosecutor, district attorney;
Office ambassador: ambassador;
Office commissioner: commissioner;
Office director: director;
Office principal: principal;
Office coach: coach, manager;
Office chief: chief;
Office police: chief constable, sheriff;
Office detective: detective;
Office inspector: detective chief inspector, detective inspector, chief inspector, inspector;
Office superintendent: detective chief superintendent, detective superintendent, chief superintendent,
    superintendent;
Office constable: detective constable, constable;
Office general: lieutenant general, lt gen, major general, maj gen, brigadier general, brig gen,
    general, gen, brigadier;
Office admiral: vice admiral, vice adm, rear admiral, rear adm, admiral, adm;
Office colonel: lieutenant colonel, lt col, colonel, col;
Office major: major, maj;
Office captain: captain, capt;
Office commander: commander, cmdr;
Office lieutenant: lieutenant, lt;
Office sergeant: detective sergeant, detective sgt, staff sergeant, staff sgt, sergeant, sgt;
Office corporal: corporal, cpl, lance corporal;
Office private: pfc, pvt;
";

/// Title words that are common surnames too (`King`, `Major`, `Bishop`): a
/// lone one may be a person's surname.
pub(crate) static TITLE_WORDS_ALSO_SURNAMES: WordSet =
    WordSet::of(&["king major bishop judge lord rev"]);

/// The heads of government a cabinet secretary or minister cannot also be.
const HEAD_OF_GOVERNMENT_TEXT: &str =
    "president vice_president prime_minister deputy_prime_minister";

/// See [`HEAD_OF_GOVERNMENT_TEXT`].
pub(crate) static HEADS_OF_GOVERNMENT: WordSet = WordSet::of(&[HEAD_OF_GOVERNMENT_TEXT]);

/// Offices of government: one person holds at most one of them at a time.
/// The heads of government and the other elected offices.
pub(crate) static GOVERNMENT_OFFICES: WordSet = WordSet::of(&[
    HEAD_OF_GOVERNMENT_TEXT,
    "chancellor governor lieutenant_governor senator representative mayor",
]);

/// Honorifics whose holders go by one name after them, which is complete
/// as it stands: knights and dames by the given name (`Sir Alex`, `Sir
/// Digby`, whatever the name), peers by the name of their title (`Lord
/// Coe`, `Baroness Thatcher`), Gulf and Shia dignitaries (`Sheikh Tamim`,
/// `Ayatollah Khamenei`). With the others one name is a surname still to
/// introduce (`the Rev. Sharpton`, `Prof. Hawking`) unless it is a given
/// name.
pub(crate) static ONE_NAME_HONORIFICS: WordSet =
    WordSet::of(&["sir dame lord lady baron sheikh imam ayatollah"]);

/// Heads of state and government, whose title and surname is a complete
/// reference to the sitting leader in much published copy
/// (`name/first-reference`).
pub(crate) static LEADERS: WordSet = WordSet::of(&["president prime_minister chancellor"]);

/// Offices whose title with a surname surely names a person the story must
/// introduce (`name/first-reference`). Heads of state and government are
/// left out: `President Bush` is the conventional complete reference to a
/// sitting leader in much published copy; ranks, judges and coaches double
/// as names of characters and works (`Captain Archer`, `Judge Dredd`,
/// `Coach Carter`).
pub(crate) static INTRODUCED_OFFICES: WordSet = WordSet::of(&["
senator representative governor lieutenant_governor mayor secretary attorney_general
vice_president deputy_prime_minister councillor
"]);

/// Military ranks: one person holds one at a time.
pub(crate) static RANKS: WordSet = WordSet::of(&["
general admiral colonel major captain commander lieutenant sergeant corporal private
detective inspector superintendent constable
"]);

/// The offices that run an organisation or one of its departments: one
/// person holds one of them at a time (`Chief Executive` … `Chief Operating
/// Officer`, `Finance Director` … `Sales Director`), but for the pairs in
/// [`COMBINED_OFFICES`].
pub(crate) static EXECUTIVE_OFFICES: WordSet = WordSet::of(&["
chief_executive chief_operating_officer chief_financial_officer chief_technology_officer
chief_medical_officer chief_scientific_officer chief_information_officer chief_investment_officer
chief_marketing_officer chief_commercial_officer chief_legal_officer chief_risk_officer
chief_strategy_officer chief_nursing_officer president director principal
"]);

/// Offices one person holds at a time where they apply (a company, a
/// board, a city, a team): two people of one story given one of them at
/// one place cannot both be right (`name/title`).
pub(crate) static SINGLE_OFFICES: WordSet = WordSet::of(&["
chair chief_executive chief_operating_officer chief_financial_officer chief_technology_officer
chief_medical_officer chief_scientific_officer chief_information_officer chief_investment_officer
chief_marketing_officer chief_commercial_officer chief_legal_officer chief_risk_officer
chief_strategy_officer chief_nursing_officer governor lieutenant_governor mayor prime_minister
attorney_general general_manager managing_director principal
"]);

/// Offices of the law: a judge is not the prosecutor, nor the attorney
/// general.
pub(crate) static LEGAL_OFFICES: WordSet = WordSet::of(&["judge prosecutor attorney_general"]);

/// Two offices commonly held together, written `a+b` with the two office
/// keys in alphabetical order: they never conflict.
pub(crate) static COMBINED_OFFICES: WordSet = WordSet::of(&["
chief_executive+president chief_operating_officer+president
"]);

/// Words before a title's head that make it a lower grade of the office
/// (`Deputy Secretary`, `assistant coach`): the grade is part of the office.
/// `head` is the office itself (`head coach` is the coach).
pub(crate) static GRADES: WordSet = WordSet::of(&["deputy assistant associate under junior vice"]);

/// Portfolios and departments: what part of government, a company, or a
/// force an office runs (`Foreign`, `Treasury`, `Finance`, `Sales`,
/// `Police`, `Fire`). Two offices of one kind with portfolios that share no
/// word are two offices (`Foreign Minister`, `Defence Minister`).
pub(crate) static PORTFOLIOS: WordSet = WordSet::of(&[PORTFOLIO_TEXT]);

/// See [`PORTFOLIOS`].
const PORTFOLIO_TEXT: &str = "
foreign home defence defense health education treasury trade industry culture environment
transport transportation interior justice finance financial economy economic energy labor labour
agriculture commerce housing immigration security homeland veterans work pensions media sport
sports development communities constitutional science technology technical digital climate women
equalities policing prisons intelligence information communications planning works water
resources mines petroleum oil gas tourism family children social welfare fisheries food rural
urban infrastructure investment external state budget sales marketing police fire operations
competition research legal human medical nursing public exchequer
";

/// Two spellings of one portfolio, written `a=b`: `Defense`, `Defence`.
pub(crate) static PORTFOLIO_SYNONYMS: WordSet = WordSet::of(&["
defense=defence labor=labour financial=finance economic=economy transportation=transport
technical=technology sports=sport
"]);

/// Words that report a change of office near a mention of the person
/// (`was named`, `promoted to`, `now`): then two titles of that person are
/// two times, not a conflict.
pub(crate) static CHANGE_CUES: WordSet = WordSet::of(&["
named appointed appoint appoints promoted promote promotes elevated became become becomes now
elected succeeded succeeds succeed replaced replaces replace nominated demoted sworn resigned
resign resigns stepped retired retire retires previously formerly moved reshuffle
"]);

/// Words that make a title describe another time (`former`, `then-`): such a
/// title never conflicts with the current one.
pub(crate) static MODIFIERS: WordSet = WordSet::of(&["
former acting then ex retired outgoing incoming interim late deposed ousted exiled caretaker
elect designate future onetime one-time erstwhile honorary emeritus
"]);

/// Capitalized words that may stand between a modifier and a title head:
/// departments and portfolios (`Foreign Secretary`, `Trade and Industry
/// Secretary`), rank prefixes (`Deputy`), and houses (`State Sen.`).
pub(crate) static DEPARTMENTS: WordSet = WordSet::of(&[
    PORTFOLIO_TEXT,
    "
foreign home defence defense health education treasury trade industry culture environment
transport transportation interior justice finance economy economic energy labor agriculture
commerce housing immigration security homeland veterans affairs work pensions shadow junior
cabinet media sport sports northern ireland scottish welsh wales scotland international
development european business communities local government constitutional deputy senior
assistant under state federal national regional city county party opposition chief
science technology digital climate women equalities policing prisons armed forces army navy
air force military intelligence information communications planning public works water
resources mines petroleum oil gas tourism family children social welfare services labour
fisheries food rural urban infrastructure transport trade investment external
",
]);

/// Words of a title's complement after `of`/`for`: `Secretary of State`,
/// `Chancellor of the Exchequer`, `Minister for Europe`.
pub(crate) static COMPLEMENT: WordSet = WordSet::of(&["
state exchequer the and defense defence homeland security health human services education
energy commerce labor labour treasury transportation agriculture interior justice veterans
affairs housing urban development foreign home family work pensions trade industry culture
media sport environment food rural europe european union commission council united nations
states kingdom finance economy staff joint chiefs board directors federal reserve bank
england house representatives senate parliament republic court appeals police army navy
air force marine corps guard national armed forces central intelligence agency
"]);
