//! Common given names across cultures, folded (lowercase, no diacritics).
//!
//! Written from general knowledge, not taken from any corpus. A run of
//! capitalized words that opens with one of these is very likely a person
//! (`Antony Blinken`), which is the main person signal besides titles. The
//! list leaves out given names that are far more often something else in
//! news copy (`Will`, `Bill` stay in: they are followed by a surname when
//! they are names; `May`, `June`, `April` are months and are left out).

use super::WordSet;

const GIVEN_NAME_TEXT: &str = "
aaron abby abdel abdul abdullah abdulla abe abel abigail abraham  adam  adel adele adnan
adrian adriana adrienne agnes ahmad ahmed ahmet aidan aileen aisha akbar al alain alan alana
alastair albert alberto alejandra alejandro aleksandr aleksandra aleksei alessandra alessandro
alex alexa alexander alexandra alexandre alexandria alexei alexis alfonso alfred alfredo ali
alice alicia alina alison alistair allan allen allison alma alok alvaro alvin amal amanda amber
amelia amir amit amos amy ana anastasia anatoly anders andre andrea andreas andrei andres andrew
andrey andrzej andy angel angela angelica angelina angelo angie angus anil anita ann anna
anne annette annie anthony antoine anton antonia antonio antony anwar aoife archie ari ariana
ariel arjun arlene armando arnold arthur arturo arun asa ashley ashok ashraf ashton asif aubrey
audrey august augusto austin ava avi axel ayman ayesha aziz barack barbara barney barry bart
basil bashar beatrice beatriz becky belinda ben benedict benito benjamin benny bernadette
bernard bernardo bernie bert beth bethany betsy betty beverly bianca bill billy bjorn blake
bob bobby bonnie boris brad bradley brandon brenda brendan brett brian bridget brigitte britney
brittany brooke bruce bruno bryan bryce byron caitlin callum calvin cameron camilla candace
cara carl carla carlo carlos carly carmen carol carole caroline carolyn carrie carter casey
cassandra catherine cathy cecilia cedric celia cesar chad charlene charles charlie charlotte
chelsea cheng cheryl chester chloe chris christian christina christine christoph christophe
christopher chuck cindy claire clara clare clarence claudia claudio clay clayton clement
cliff clifford clint clive cody colin colleen conor connor conrad constance cora corey cory
courtney craig cristina curtis cynthia cyril cyrus dale dalia damian damien dan dana daniel
daniela danielle danny daphne dara darius darren darryl dave david davide dawn dean debbie
deborah debra declan deepak deirdre delia dennis denis denise derek des desmond devin diana
diane dick diego dieter dimitri dimitris dina dirk dmitri dmitry dolores dominic dominique don
donald donna dora doris dorothy doug douglas duncan dustin dwayne dwight dylan ed eddie edgar
edith edmund edna eduardo edward edwin eileen elaine eleanor elena eli elias elijah elisa
elisabeth elise eliza elizabeth ella ellen elliot elliott ellis elmer elton eloise elsa emanuel emil
emile emilia emilio emily emma emmanuel emmett enrique eric erica erik erin ernest ernesto
ernie esther ethan eugene eva evan evelyn ezra fabian fahad faisal farah farid farouk fatima
federico felicity felipe felix fernando fidel fiona florence floyd frances francesca francesco
francis francisco franco francois frank frankie franz fred freddie frederick fredrik frida
gabriel gabriela gabriella gabrielle gail gareth garrett gary gavin gemma gene geoff geoffrey
george georg georgia georgina gerald gerard gerhard gerry gideon gilbert gina giorgio giovanni
giulia giuseppe gladys glen glenn gloria gordon grace graham grant greg gregor gregory greta
guido guillermo gunther gustav gustavo guy gwen gwyneth hailey hakan hal hamid hamza hana
hank hannah hans harold harriet harrison harry harvey hassan hayley hazel heather hector
heidi heinrich helen helena helga henri henrik henry herbert herman hilary hillary hiroshi
holly horace howard hubert hugh hugo humphrey hunter hussein ian ibrahim ida ignacio igor
ilan ilya imran ines inga ingrid irene iris irina isaac isabel isabella isabelle isaiah
ismail ivan ivana ivy jack jackie jackson jacob jacqueline jacques jade jaime jake jamal james
jamie jan jane janet janice jared jason javier jay jean jeanette jeanne jeb jeff jeffrey jenna
jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan joanna joanne
joaquin jodie joe joel joey johan johann johanna john johnny jon jonas jonathan jordan jorge
jose josef joseph josephine josh joshua joy joyce juan juanita judith judy jules julia julian
juliana julie julien juliet julio julius justin justine kamala  kanye karen karim karin
karl karla kate katherine kathleen kathryn kathy katie katrina kay keir keith kelly kelvin ken
kenneth kenny kerry kevin khaled khalid kieran kim kimberly kirk kirsten klaus kofi kris
kristen kristin kristina kurt kyle lachlan lance lara larry laura lauren laurence laurent
lawrence leah lee leila lena leo leon leonard leonardo leonid leslie lewis liam lila lily
linda lindsay lindsey lionel lisa liz lloyd logan lois lorenzo loretta lori lorraine louis
louisa louise lucas lucia luciano lucy luigi luis luisa luka lukas luke lydia lyndon lynn
mabel madeleine madeline madison magdalena maggie mahmoud malcolm mandy manuel marc marcel
marcelo marco marcos marcus margaret margarita margo maria mariam marian mariana marianne
marie marina mario marion marissa marjorie mark marko marlene marsha marshall martha martin
martina marty marvin mary maryam mason matt matteo matthew matthias maureen maurice max maxim
maxine maxwell megan mehmet mel melanie melinda melissa meredith mia micah michael michaela
michel michele michelle miguel mikael mike mikhail milan miles miriam mitch mitchell mitt
mohamed mohammad mohammed mohammad molly mona monica monique morgan moses muhammad murray
mustafa nadia nadine nancy naomi narendra natalia natalie natasha nathan nathaniel neil nelson
nia nicholas nick nicola nicolas nicole nigel nikita nikki nikolai nils nina noah noel nora
norah norman oksana olaf oleg olga oliver olivia omar oscar osman otto owen pablo paddy pamela
paolo pat patricia patrick patty paul paula pauline pavel pedro peggy penelope penny pete
peter petra phil philip philippa philippe phillip phoebe pierre piers pietro polly priya
priyanka rachel rafael rahul raj rajesh ralph ramon randall randy raphael raquel rashid raul
ray raymond rebecca reggie reginald rene renee reza ricardo richard rick ricky rishi rita rob
robbie robert roberta roberto robin rocco rod rodney rodrigo roger roland rolf roman ron ronald
ronnie rory rosa rosalind rose rosemary ross roy ruby rudolf rudy rupert russell ruth ryan
sabrina sadiq saeed sajid sally salma salman sam samantha sami samir samuel sandra sandy
sanjay santiago sara sarah sasha saul scott sean sebastian selena serena sergei sergey sergio
seth shane shannon sharon shaun shawn sheila shelley sheryl shinzo shirley sidney sigmar silvia
simon simone sofia sonia sophia sophie stacey stan stanley stefan stefano stella stephan
stephanie stephen steve steven stewart stuart sue sunil susan susanne suzanne sven sylvia
tamara tammy tanya tara tariq ted teresa terrence terri terry tess thabo theo theodore theresa
thierry thomas tiffany tim timothy tina toby todd tom tomas tommy toni tony tracey tracy travis
trevor tricia trudy tyler ulrich ursula valentina valerie vanessa vera veronica vicente vicky
victor victoria vijay vikram vincent viktor violet virginia vivian vladimir volodymyr wade
waleed walid wallace walter wanda warren wayne wendy wes wesley whitney wilbur will willem
william willie wilma winston wolfgang xavier yana yasmin yitzhak yolanda yosef youssef yuri
yusuf yves yvonne zac zach zachary zainab zara zoe zoltan
akira aiko haruki hideki hiro hirohito ichiro junichiro kazuo keiko kenji koji makoto masahiro
naoto naruhito shigeru taro takeshi toshiro yoshihide yoshihiko yukio yuko fumio 
arvind amitabh indira jawaharlal manmohan mamata nitish sonia rajiv sachin   virat
benazir nawaz pervez shehbaz bilawal
recep ahmet binali kemal
emmanuel francois nicolas jean-luc jean-pierre jean-claude jean-marie marine segolene
angela olaf gerhard helmut horst annalena ursula
silvio matteo giorgia mario romano sergio
pedro mariano jose-luis felipe
vladimir dmitry sergey alexei mikhail boris vitaly yevgeny ramzan aleksandr
volodymyr petro viktor yulia vitali
xi li hu wen
hosni abdel-fattah mohamed anwar gamal
benjamin yair naftali ehud ariel shimon yitzhak golda isaac bibi itamar bezalel
mahmoud yasser ismail yahya khaled marwan
bashar hafez
ali hassan hossein mahmoud akbar javad ebrahim masoud
jair luiz inacio dilma lula
nelson jacob cyril thabo
uhuru raila william paul yoweri robert
justin stephen pierre
scott malcolm anthony kevin julia
jacinda
donald hillary barack joe kamala mike nancy chuck mitch bernie ted marco jeb ben rand chris
carly elizabeth tim reince kellyanne ivanka jared melania eric tiffany huma
tony gordon david theresa boris jeremy keir rishi liz nick ed nigel alex ken jack john
";

/// See the module docs.
pub(crate) static GIVEN_NAMES: WordSet = WordSet::of(&[GIVEN_NAME_TEXT]);
