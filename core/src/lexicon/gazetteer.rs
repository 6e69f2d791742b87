//! Capitalized words and phrases that look like names but are not people:
//! places, organisations, nationalities, days and months, holidays. Folded
//! (lowercase, no diacritics); phrases are single-spaced.
//!
//! Written from general knowledge, not taken from any corpus. One entry a
//! line group; a phrase entry uses `_` for its spaces so the whole list can
//! be split on whitespace.

use super::WordSet;

const PLACES_AND_ORG_TEXT: &str = "
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina_faso burundi cambodia cameroon canada cape_verde chad
chile china colombia comoros congo costa_rica croatia cuba cyprus czech_republic czechia
denmark djibouti dominica dominican_republic ecuador egypt el_salvador eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy ivory_coast
jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon
lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives
mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
mozambique myanmar burma namibia nauru nepal netherlands holland new_zealand nicaragua niger
nigeria north_korea north_macedonia macedonia norway oman pakistan palau palestine panama
papua_new_guinea paraguay peru philippines poland portugal qatar romania russia rwanda samoa
san_marino saudi_arabia senegal serbia seychelles sierra_leone singapore slovakia slovenia
somalia south_africa south_korea south_sudan spain sri_lanka sudan suriname sweden switzerland
syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye
turkmenistan tuvalu uganda ukraine united_arab_emirates uae united_kingdom britain
great_britain england scotland wales northern_ireland united_states america uruguay uzbekistan
vanuatu vatican venezuela vietnam yemen zambia zimbabwe tibet greenland puerto_rico hong_kong
macau gaza gaza_strip west_bank golan golan_heights sinai crimea donbas donbass donetsk luhansk
kharkiv kherson zaporizhzhia mariupol bakhmut odesa odessa lviv dnipro kyiv kiev kashmir
chechnya kurdistan darfur tigray catalonia flanders bavaria siberia balkans caucasus
europe asia africa antarctica australasia oceania arctic eurasia scandinavia latin_america
middle_east near_east far_east north_america south_america central_america east_asia
south_asia southeast_asia caribbean mediterranean atlantic pacific baltic gulf persian_gulf
red_sea black_sea dead_sea north_sea south_china_sea east_china_sea indian_ocean nile
amazon danube rhine thames sahara himalayas alps andes rockies
rafah khan_younis khan_yunis jabalia deir_al-balah nablus jenin hebron ramallah bethlehem
jerusalem tel_aviv haifa beersheba eilat
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico
new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island
south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia
wisconsin wyoming
kabul tirana algiers luanda buenos_aires yerevan canberra vienna baku manama dhaka minsk
brussels sarajevo brasilia sofia ottawa santiago beijing bogota havana nicosia prague
copenhagen cairo tallinn addis_ababa helsinki paris tbilisi berlin accra athens budapest
reykjavik new_delhi delhi jakarta tehran baghdad dublin rome tokyo amman astana nairobi
pristina riyadh beirut tripoli vilnius kuala_lumpur valletta mexico_city chisinau rabat
kathmandu amsterdam the_hague wellington abuja pyongyang oslo muscat islamabad lima manila
warsaw lisbon doha bucharest moscow kigali dakar belgrade freetown bratislava ljubljana
mogadishu pretoria seoul juba madrid colombo khartoum stockholm bern damascus taipei bangkok
tunis ankara kampala abu_dhabi dubai london montevideo tashkent caracas hanoi sanaa harare
lusaka caracas quito asuncion la_paz managua tegucigalpa naypyidaw phnom_penh ulaanbaatar
bishkek dushanbe ashgabat
shanghai hong_kong shenzhen guangzhou wuhan chengdu xinjiang tianjin mumbai bombay kolkata
calcutta chennai bangalore bengaluru hyderabad karachi lahore peshawar kandahar herat
mosul basra fallujah kirkuk erbil aleppo homs idlib raqqa latakia sidon tyre
istanbul izmir jeddah mecca medina sharjah alexandria casablanca lagos johannesburg
cape_town durban mombasa kinshasa osaka kyoto yokohama hiroshima nagasaki fukushima okinawa
sydney melbourne brisbane perth adelaide auckland toronto montreal vancouver calgary quebec
ontario alberta manitoba saskatchewan
sao_paulo rio_de_janeiro rio buenos_aires bogota medellin guadalajara monterrey tijuana
barcelona valencia seville milan naples turin venice florence munich frankfurt hamburg
cologne stuttgart dusseldorf zurich geneva lyon marseille nice strasbourg rotterdam antwerp
st_petersburg saint_petersburg novosibirsk vladivostok kaliningrad minsk krakow gdansk
birmingham manchester liverpool leeds sheffield bristol newcastle glasgow edinburgh cardiff
belfast oxford cambridge brighton southampton nottingham leicester coventry bradford hull
aberdeen dundee swansea derry york kent surrey essex sussex yorkshire lancashire cornwall
devon dorset norfolk suffolk westminster whitehall downing_street number_10 no_10
chicago los_angeles houston phoenix philadelphia san_antonio san_diego dallas san_jose
austin jacksonville fort_worth columbus charlotte indianapolis san_francisco seattle denver
boston el_paso nashville detroit oklahoma_city portland las_vegas memphis louisville
baltimore milwaukee albuquerque tucson fresno sacramento atlanta kansas_city miami raleigh
omaha minneapolis tulsa cleveland wichita arlington new_orleans tampa honolulu anaheim
pittsburgh cincinnati st_louis orlando buffalo newark richmond des_moines charleston
savannah birmingham_alabama anchorage boise salt_lake_city santa_fe manhattan brooklyn
queens bronx harlem staten_island long_island hollywood beverly_hills silicon_valley
palm_beach mar-a-lago jackson_hole martha's_vineyard camp_david capitol_hill capitol
georgetown pentagon white_house kremlin elysee wall_street main_street madison_avenue
fifth_avenue pennsylvania_avenue times_square ground_zero guantanamo guantanamo_bay
hamas hezbollah hizbollah taliban al-qaeda al_qaeda qaeda isis isil daesh houthis houthi
fatah plo idf mossad shin_bet kgb fsb cia fbi nsa nato opec
reuters bloomberg xinhua interfax tass ria ap afp bbc cnn cnbc msnbc nbc abc cbs fox fox_news
sky sky_news al_jazeera aljazeera politico axios breitbart huffington_post guardian telegraph
times independent observer economist financial_times wall_street_journal new_york_times
washington_post los_angeles_times usa_today newsweek time_magazine forbes fortune
google alphabet apple microsoft amazon facebook meta twitter instagram whatsapp youtube
tiktok snapchat linkedin netflix spotify uber lyft airbnb tesla spacex nvidia intel amd ibm
oracle cisco qualcomm samsung sony nokia ericsson huawei xiaomi alibaba tencent baidu
toyota honda nissan hyundai kia volkswagen bmw mercedes daimler porsche audi renault peugeot
fiat ferrari ford chrysler boeing airbus lockheed raytheon exxon exxonmobil chevron shell bp
total gazprom rosneft aramco walmart target costco kroger disney warner paramount comcast
verizon at&t vodafone pfizer moderna astrazeneca johnson_&_johnson novartis roche merck
bayer goldman goldman_sachs morgan_stanley jpmorgan jp_morgan citigroup citi citibank hsbc
barclays lloyds natwest santander ubs credit_suisse deutsche_bank blackrock vanguard
lehman lehman_brothers merrill_lynch wells_fargo berkshire_hathaway visa mastercard paypal
yahoo ebay dell hp compaq motorola kodak xerox starbucks mcdonald's nike adidas coca-cola
pepsi pepsico nestle unilever tesco sainsbury's asda ikea zara h&m
nasdaq dow dow_jones ftse nikkei s&p
labour tories tory conservatives conservative lib_dems liberal_democrats ukip snp plaid
democrats democrat democratic republicans republican gop likud knesset bundestag duma
congress senate parliament commons lords
state_department treasury justice_department supreme_court white_house pentagon
scotland_yard interpol europol unicef unesco who wto imf un eu
christmas easter ramadan eid hanukkah passover diwali thanksgiving halloween new_year
brexit obamacare medicare medicaid
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
god allah jesus christ buddha
islam christianity judaism hinduism buddhism catholicism
muslim muslims christian christians jew jews jewish catholic catholics protestant
protestants sunni sunnis shia shiite shiites hindu hindus sikh sikhs buddhist buddhists
arab arabs arabic persian kurd kurds kurdish
american americans british briton britons english french german germans italian italians
spanish russian russians chinese japanese korean koreans indian indians pakistani
pakistanis israeli israelis palestinian palestinians iranian iranians iraqi iraqis syrian
syrians egyptian egyptians saudi saudis turkish turk turks ukrainian ukrainians european
europeans african africans asian asians canadian canadians mexican mexicans brazilian
australian australians irish scottish scots welsh dutch belgian swiss swedish norwegian
danish finnish polish greek greeks lebanese jordanian yemeni libyan afghan afghans afghani
cuban venezuelan colombian argentine argentinian chilean peruvian nigerian kenyan
ethiopian somali sudanese south_african latino latinos hispanic hispanics western eastern
northern southern soviet ottoman roman
internet web
general_electric general_motors general_mills general_dynamics general_assembly
dr_pepper dr_reddy dr_martens
";

/// A place, organisation, nationality, day or month (one word or a phrase
/// of single-spaced folded words).
pub(crate) static PLACES_AND_ORGS: WordSet = WordSet::of(&[PLACES_AND_ORG_TEXT]);

/// Capitalized words that end organisation and place names (`Goldman Sachs
/// Group`, `Supreme Court`, `Wall Street`): a run containing one is not a
/// person.
pub(crate) static ORG_WORDS: WordSet = WordSet::of(&["
academy act administration agency airline airlines airport airways alliance arena army assembly
association authority avenue award awards bank bay beach board brothers building bureau cabinet
campaign capital cathedral center centre championship championships chapel city club co coast
college commission committee communications company conference congress corp corporation council
county court cup day department district division energy enterprises entertainment exchange
express federation festival films financial force forces forum foundation fund gallery games
government group guard holdings hospital hotel house inc index industries institute institution
insurance international investments island islands journal lake league llc ltd magazine mall
market markets media memorial ministry motors mountain mountains movement museum navy network
networks news office olympics open organisation organization palace parliament partners party
pharmaceuticals place plan plaza plc police post press prize program programme project province
records region report republic review river road school securities senate service services show
society software square stadium state station street studio studios summit systems team
technologies telegraph times tower towers treaty tribunal trust union united university valley
village war week
"]);
