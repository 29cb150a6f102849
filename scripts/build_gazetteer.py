"""Build ``claimcheck/resources/gazetteer.tsv``: the entity aliases `claimcheck.normalize.entities` reads.

Run from the project root with the project's virtualenv (Babel must be installed):

    .venv/bin/python scripts/build_gazetteer.py            # rewrite the TSV
    .venv/bin/python scripts/build_gazetteer.py --check    # exit 1 if the TSV is stale

The TSV is generated so that every country row comes from Babel (CLDR) and the hand-curated
tables below stay short; edit this script, not the TSV. Sources:

* country and territory names: Babel, ``Locale("fr").territories`` (CLDR), alpha-2 codes only,
  with a few display names overridden to current French press usage (``DISPLAY``);
* the 193 UN member states, their demonyms (masculine singular; `demonym_lemma` folds plural and
  feminine forms by rule) and capitals: general knowledge. The reference for these French names
  is the Journal officiel recommendation on names of States, inhabitants and capitals (2008); the
  table was written from general knowledge, not machine-checked against it;
* seats of power, organisations and their acronyms, French regions, départements, cities and
  their gentilés, and the French/English transliterations of leaders' names: general knowledge,
  not taken from any article.

Rows: ``alias<TAB>canonical<TAB>type<TAB>country`` with type in
country|demonym|capital|seat|org|region|city|person; country is empty for international bodies.
A foreign capital yields two rows: as a capital (canonical = its country, the press metonymy
"Moscou a annoncé") and as a city (canonical = the city, for `place_of`).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import babel
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.normalize.entities import ENTITY_TYPES, fold

TARGET = ROOT / "claimcheck" / "resources" / "gazetteer.tsv"

# Babel codes that are not territories (EU, UN, euro zone, pseudo-locales, unknown region).
SKIP_CODES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Display names where French press usage differs from CLDR; the CLDR name stays an alias.
DISPLAY = {
    "CD": "République démocratique du Congo",
    "CG": "Congo",
    "GF": "Guyane",
    "HK": "Hong Kong",
    "MM": "Birmanie",
    "MO": "Macao",
    "VA": "Vatican",
    "VN": "Vietnam",
}

# Extra aliases of countries (official long forms, acronyms, English names, press periphrases).
COUNTRY_ALIASES = {
    "AE": ["EAU", "Émirats", "United Arab Emirates"],
    "BA": ["Bosnie"],
    "BY": ["Bélarus", "Belarus"],
    "CD": ["RDC", "RD Congo", "République démocratique du Congo", "Congo-Kinshasa", "Congo Kinshasa"],
    "CF": ["Centrafrique", "RCA"],
    "CG": ["Congo", "République du Congo", "Congo-Brazzaville"],
    "CH": ["Confédération helvétique", "Confédération suisse"],
    "CI": ["Côte-d'Ivoire"],
    "CN": ["République populaire de Chine", "empire du Milieu", "China"],
    "CV": ["Cabo Verde"],
    "CZ": ["République tchèque"],
    "DE": ["République fédérale d'Allemagne", "Germany"],
    "FR": ["Hexagone", "République française"],
    "GB": ["Grande-Bretagne", "UK", "United Kingdom"],
    "GR": ["Hellade"],
    "IL": ["État hébreu", "État d'Israël"],
    "IR": ["République islamique d'Iran", "République islamique"],
    "KG": ["Kirghizistan"],
    "KN": ["Saint-Kitts-et-Nevis"],
    "KP": ["RPDC", "République populaire démocratique de Corée", "North Korea"],
    "KR": ["République de Corée", "pays du Matin calme", "South Korea"],
    "MA": ["Royaume chérifien"],
    "MD": ["Moldova"],
    "MK": ["Macédoine"],
    "MM": ["Myanmar"],
    "NL": ["Netherlands"],
    "PS": ["Palestine", "État de Palestine"],
    "RU": ["Fédération de Russie", "Russia"],
    "SA": ["Arabie"],
    "ST": ["São Tomé-et-Príncipe"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye"],
    "US": ["USA", "Amérique", "États-Unis d'Amérique", "United States"],
    "VA": ["Saint-Siège", "Cité du Vatican"],
    "VC": ["Saint-Vincent-et-les-Grenadines"],
    "VN": ["Viêt Nam", "Viet Nam"],
}

# Aliases shared by several entities: listed under each so the look-up knows they are ambiguous.
AMBIGUOUS_COUNTRY_ALIASES = {"Corée": ["KP", "KR"]}
AMBIGUOUS_DEMONYMS = {"coréen": ["KP", "KR"]}

# Babel territories that are part of France (overseas départements, regions and collectivities).
FRENCH_OVERSEAS = {
    "BL": ["saint-barth"],
    "CP": [],
    "GF": ["guyanais"],
    "GP": ["guadeloupéen"],
    "MF": ["saint-martinois"],
    "MQ": ["martiniquais"],
    "NC": ["néo-calédonien", "calédonien"],
    "PF": ["polynésien"],
    "PM": ["saint-pierrais"],
    "RE": ["réunionnais"],
    "TF": [],
    "WF": ["wallisien"],
    "YT": ["mahorais"],
}
FRENCH_OVERSEAS_ALIASES = {"RE": ["Réunion", "île de la Réunion"], "PF": ["Tahiti"]}

# The 193 UN member states: code | demonyms | capitals. Capitals are separated by ";" (a country
# may have several: constitutional capital, seat of government), spellings by "/" (first one is
# the display name). Israel has none here: the status of Jerusalem is disputed (see CITIES).
UN_MEMBERS = """
AD|andorran|Andorre-la-Vieille
AE|émirati,émirien|Abou Dhabi/Abu Dhabi
AF|afghan|Kaboul/Kabul
AG|antiguais,antiguais-et-barbudien|Saint John's
AL|albanais|Tirana
AM|arménien|Erevan/Yerevan/Erevan
AO|angolais|Luanda
AR|argentin|Buenos Aires
AT|autrichien|Vienne/Vienna/Wien
AU|australien|Canberra
AZ|azerbaïdjanais,azéri|Bakou/Baku
BA|bosnien,bosnien-herzégovinien|Sarajevo
BB|barbadien|Bridgetown
BD|bangladais,bangladeshi|Dacca/Dhaka
BE|belge|Bruxelles/Brussels
BF|burkinabè|Ouagadougou
BG|bulgare|Sofia
BH|bahreïnien,bahreïni|Manama
BI|burundais|Gitega
BJ|béninois|Porto-Novo;Cotonou
BN|brunéien|Bandar Seri Begawan
BO|bolivien|Sucre;La Paz
BR|brésilien|Brasilia/Brasília
BS|bahaméen,bahamien|Nassau
BT|bhoutanais|Thimphou/Thimphu
BW|botswanais|Gaborone
BY|biélorusse,bélarusse|Minsk
BZ|bélizien|Belmopan
CA|canadien|Ottawa
CD|congolais,rd-congolais|Kinshasa
CF|centrafricain|Bangui
CG|congolais|Brazzaville
CH|suisse,helvétique|Berne/Bern
CI|ivoirien|Yamoussoukro;Abidjan
CL|chilien|Santiago/Santiago du Chili/Santiago de Chile
CM|camerounais|Yaoundé
CN|chinois|Pékin/Beijing
CO|colombien|Bogota/Bogotá
CR|costaricien,costaricain,costa-ricien|San José
CU|cubain|La Havane/Havana/La Habana
CV|cap-verdien|Praia
CY|chypriote,cypriote|Nicosie/Nicosia
CZ|tchèque|Prague/Praha
DE|allemand|Berlin
DJ|djiboutien|Djibouti
DK|danois|Copenhague/Copenhagen
DM|dominiquais|Roseau
DO|dominicain|Saint-Domingue/Santo Domingo
DZ|algérien|Alger/Algiers
EC|équatorien|Quito
EE|estonien|Tallinn
EG|égyptien|Le Caire/Cairo
ER|érythréen|Asmara
ES|espagnol|Madrid
ET|éthiopien|Addis-Abeba/Addis Ababa
FI|finlandais|Helsinki
FJ|fidjien|Suva
FM|micronésien|Palikir
FR|français|Paris
GA|gabonais|Libreville
GB|britannique|Londres/London
GD|grenadien|Saint-Georges/Saint George's
GE|géorgien|Tbilissi/Tbilisi
GH|ghanéen|Accra
GM|gambien|Banjul
GN|guinéen|Conakry
GQ|équato-guinéen|Malabo
GR|grec|Athènes/Athens
GT|guatémaltèque|Guatemala/Guatemala City/Ciudad de Guatemala
GW|bissau-guinéen|Bissau
GY|guyanien|Georgetown
HN|hondurien|Tegucigalpa
HR|croate|Zagreb
HT|haïtien|Port-au-Prince
HU|hongrois|Budapest
ID|indonésien|Jakarta/Djakarta
IE|irlandais|Dublin
IL|israélien|
IN|indien|New Delhi
IQ|irakien|Bagdad/Baghdad
IR|iranien|Téhéran/Tehran
IS|islandais|Reykjavik
IT|italien|Rome/Roma
JM|jamaïcain|Kingston
JO|jordanien|Amman
JP|japonais|Tokyo
KE|kényan|Nairobi
KG|kirghiz,kirghizstanais|Bichkek/Bishkek
KH|cambodgien|Phnom Penh
KI|kiribatien|Tarawa
KM|comorien|Moroni
KN|kittitien-et-névicien,christophien|Basseterre
KP|nord-coréen|Pyongyang
KR|sud-coréen|Séoul
KW|koweïtien|Koweït/Koweït City/Kuwait City
KZ|kazakh,kazakhstanais|Astana/Nour-Soultan
LA|laotien|Vientiane
LB|libanais|Beyrouth/Beirut
LC|saint-lucien|Castries
LI|liechtensteinois|Vaduz
LK|sri-lankais,srilankais|Sri Jayawardenapura Kotte/Kotte;Colombo
LR|libérien|Monrovia
LS|lesothan|Maseru
LT|lituanien|Vilnius
LU|luxembourgeois|Luxembourg
LV|letton|Riga
LY|libyen|Tripoli
MA|marocain|Rabat
MC|monégasque|Monaco
MD|moldave|Chisinau/Chișinău/Kichinev
ME|monténégrin|Podgorica
MG|malgache|Antananarivo/Tananarive
MH|marshallais|Majuro
MK|macédonien,nord-macédonien|Skopje
ML|malien|Bamako
MM|birman|Naypyidaw/Naypyitaw/Nay Pyi Taw
MN|mongol|Oulan-Bator/Ulaanbaatar
MR|mauritanien|Nouakchott
MT|maltais|La Valette/Valletta
MU|mauricien|Port-Louis
MV|maldivien|Malé
MW|malawite,malawien|Lilongwe
MX|mexicain|Mexico/Mexico City
MY|malaisien|Kuala Lumpur
MZ|mozambicain|Maputo
NA|namibien|Windhoek
NE|nigérien|Niamey
NG|nigérian|Abuja
NI|nicaraguayen|Managua
NL|néerlandais,hollandais|Amsterdam
NO|norvégien|Oslo
NP|népalais|Katmandou/Kathmandu
NR|nauruan|Yaren
NZ|néo-zélandais|Wellington
OM|omanais|Mascate/Muscat
PA|panaméen|Panama/Panama City
PE|péruvien|Lima
PG|papouan-néo-guinéen|Port Moresby
PH|philippin|Manille/Manila
PK|pakistanais|Islamabad
PL|polonais|Varsovie/Warsaw
PT|portugais|Lisbonne/Lisbon/Lisboa
PW|palaosien|Ngerulmud
PY|paraguayen|Asuncion/Asunción
QA|qatari,qatarien|Doha
RO|roumain|Bucarest/Bucharest
RS|serbe|Belgrade
RU|russe|Moscou/Moscow
RW|rwandais|Kigali
SA|saoudien|Riyad/Riyadh
SB|salomonais|Honiara
SC|seychellois|Victoria
SD|soudanais|Khartoum
SE|suédois|Stockholm
SG|singapourien|Singapour/Singapore
SI|slovène|Ljubljana
SK|slovaque|Bratislava
SL|sierra-léonais|Freetown
SM|saint-marinais|Saint-Marin/San Marino
SN|sénégalais|Dakar
SO|somalien|Mogadiscio/Mogadishu
SR|surinamais|Paramaribo
SS|sud-soudanais|Djouba/Juba
ST|santoméen|Sao Tomé
SV|salvadorien|San Salvador
SY|syrien|Damas/Damascus
SZ|swazi,eswatinien|Mbabane;Lobamba
TD|tchadien|N'Djamena/Ndjamena
TG|togolais|Lomé
TH|thaïlandais|Bangkok
TJ|tadjik|Douchanbé/Dushanbe
TL|est-timorais|Dili
TM|turkmène|Achgabat/Ashgabat
TN|tunisien|Tunis
TO|tongien|Nuku'alofa
TR|turc|Ankara
TT|trinidadien|Port-d'Espagne/Port of Spain
TV|tuvaluan|Funafuti
TZ|tanzanien|Dodoma
UA|ukrainien|Kiev/Kyiv/Kyïv
UG|ougandais|Kampala
US|américain,étasunien,états-unien|Washington/Washington DC
UY|uruguayen|Montevideo
UZ|ouzbek|Tachkent/Tashkent
VC|vincentais,saint-vincentais|Kingstown
VE|vénézuélien|Caracas
VN|vietnamien|Hanoï
VU|vanuatuan|Port-Vila
WS|samoan|Apia
YE|yéménite|Sanaa
ZA|sud-africain|Pretoria;Le Cap/Cape Town;Bloemfontein
ZM|zambien|Lusaka
ZW|zimbabwéen|Harare
"""

# Territories outside the UN list that the press names often: code | demonyms | capitals.
OTHER_TERRITORIES = """
TW|taïwanais|Taipei/Taipeh
XK|kosovar|Pristina/Priština/Prishtina
HK|hongkongais|
PS|palestinien|
GL|groenlandais|Nuuk
PR|portoricain|San Juan
EH|sahraoui|
"""

# Capitals whose name stands for the city rather than for the state: Paris (French press speaks
# of the city far more than of the state), Brussels (Belgium or the European Union?).
CAPITALS_AS_CITIES = {"Paris", "Bruxelles"}

# Seats of power and their metonymies: canonical | country code ("" = international) | aliases.
# A canonical written as an ISO code (two capitals) is that country's display name.
# Short aliases that are also common words are left out ("UN", "EU", "Total").
SEATS = """
RU|RU|Kremlin
US|US|Maison-Blanche;White House
Pentagone|US|Pentagon;département américain de la Défense;département de la Défense américain
Congrès (États-Unis)|US|Capitole;Capitol;Capitol Hill;Congrès américain
GB|GB|Downing Street;10 Downing Street
CN|CN|Zhongnanhai
KR|KR|Maison bleue
DE|DE|Chancellerie fédérale
IT|IT|palais Chigi;Palazzo Chigi
ES|ES|Moncloa;palais de la Moncloa
UA|UA|Bankova
TN|TN|palais de Carthage
DZ|DZ|El Mouradia;palais d'El Mouradia
BR|BR|Planalto;palais du Planalto
AR|AR|Casa Rosada
présidence (France)|FR|Élysée;palais de l'Élysée
Premier ministre (France)|FR|Matignon;hôtel Matignon
ministère de l'Intérieur|FR|Beauvau;place Beauvau
ministère de l'Économie|FR|Bercy
ministère des Affaires étrangères|FR|Quai d'Orsay
ministère de l'Éducation nationale|FR|rue de Grenelle
ministère de la Santé|FR|avenue de Ségur
ministère des Armées|FR|hôtel de Brienne;Balard;Hexagone Balard
ministère de la Justice|FR|place Vendôme;Chancellerie
ministère de la Culture|FR|rue de Valois
Assemblée nationale|FR|Palais-Bourbon
Sénat|FR|palais du Luxembourg
Commission européenne||Berlaymont
"""

# Organisations: canonical | country code | aliases (full names, English acronyms).
ORGS = """
ONU||Organisation des Nations unies;Nations unies;United Nations
Conseil de sécurité de l'ONU||Conseil de sécurité;Conseil de sécurité des Nations unies
Assemblée générale de l'ONU||Assemblée générale des Nations unies
OTAN||NATO;Organisation du traité de l'Atlantique nord;Alliance atlantique
UE||Union européenne;European Union
Commission européenne||Commission de Bruxelles
Parlement européen||Europarlement
Conseil européen||
BCE||Banque centrale européenne;ECB
FMI||Fonds monétaire international;IMF
Banque mondiale||World Bank
OMS||Organisation mondiale de la santé;WHO
OMC||Organisation mondiale du commerce;WTO
AIEA||Agence internationale de l'énergie atomique;IAEA
AIE||Agence internationale de l'énergie;IEA
UNESCO||Organisation des Nations unies pour l'éducation, la science et la culture
UNICEF||Fonds des Nations unies pour l'enfance
HCR||UNHCR;Haut-Commissariat des Nations unies pour les réfugiés;Haut-Commissariat aux réfugiés
HCDH||Haut-Commissariat des Nations unies aux droits de l'homme;OHCHR
PAM||Programme alimentaire mondial;WFP
FAO||Organisation des Nations unies pour l'alimentation et l'agriculture
OCHA||Bureau de la coordination des affaires humanitaires
UNRWA||Office de secours et de travaux des Nations unies pour les réfugiés de Palestine
OIT||Organisation internationale du travail;ILO
OIM||Organisation internationale pour les migrations;IOM
OCDE||Organisation de coopération et de développement économiques;OECD
OPEP||Organisation des pays exportateurs de pétrole;OPEC
OPEP+||OPEC+
CPI||Cour pénale internationale;ICC
CIJ||Cour internationale de justice;ICJ
OSCE||Organisation pour la sécurité et la coopération en Europe
Conseil de l'Europe||
CEDH||Cour européenne des droits de l'homme;ECHR
CJUE||Cour de justice de l'Union européenne
Interpol||
Europol||
Frontex||
CICR||Comité international de la Croix-Rouge;ICRC
Croix-Rouge||
MSF||Médecins sans frontières
Amnesty International||Amnesty
HRW||Human Rights Watch
RSF||Reporters sans frontières
Union africaine||UA;African Union
Ligue arabe||Ligue des États arabes
ASEAN||Association des nations de l'Asie du Sud-Est
Cédéao||CEDEAO;Communauté économique des États de l'Afrique de l'Ouest;ECOWAS
OIAC||Organisation pour l'interdiction des armes chimiques;OPCW
OMM||Organisation météorologique mondiale;WMO
GIEC||Groupe d'experts intergouvernemental sur l'évolution du climat;IPCC
G7||
G20||
BRICS||
AFP|FR|Agence France-Presse
Reuters|GB|agence Reuters
AP|US|Associated Press
Bloomberg|US|
TASS|RU|agence TASS;Itar-Tass
RIA Novosti|RU|
Xinhua|CN|Chine nouvelle;agence Chine nouvelle
KCNA|KP|Korean Central News Agency;agence KCNA
Yonhap|KR|agence Yonhap
IRNA|IR|agence IRNA
Anadolu|TR|agence Anadolu
BBC|GB|
CNN|US|
Al Jazeera|QA|Al-Jazeera;Al Jazira;Al-Jazira
CIA|US|Central Intelligence Agency
FBI|US|Federal Bureau of Investigation
NSA|US|National Security Agency
département d'État (États-Unis)|US|département d'État;département d'État américain;State Department
Réserve fédérale|US|Fed;Federal Reserve;Réserve fédérale américaine
DGSE|FR|Direction générale de la sécurité extérieure
DGSI|FR|Direction générale de la sécurité intérieure
MI6|GB|
MI5|GB|
Mossad|IL|
Shin Bet|IL|Shabak
Tsahal|IL|armée israélienne;IDF
Knesset|IL|
FSB|RU|
GRU|RU|
Douma|RU|Douma d'État
SBU|UA|Service de sécurité d'Ukraine
Bundestag|DE|
Hamas|PS|
Hezbollah|LB|Hizbollah
État islamique|| EI;Daech;Daesh;ISIS;groupe État islamique;groupe EI
Al-Qaïda||Al-Qaida;Al Qaeda
groupe Wagner|RU|Wagner
SNCF|FR|Société nationale des chemins de fer français
RATP|FR|Régie autonome des transports parisiens
EDF|FR|Électricité de France
Enedis|FR|
Engie|FR|
RTE|FR|Réseau de transport d'électricité
La Poste|FR|
Air France|FR|
TotalEnergies|FR|
Météo-France|FR|Météo France
INSEE|FR|Institut national de la statistique et des études économiques
Santé publique France|FR|
Banque de France|FR|
Cour des comptes|FR|
Conseil d'État|FR|
Conseil constitutionnel|FR|
Assemblée nationale|FR|
Sénat|FR|Haute Assemblée
France Travail|FR|Pôle emploi
Dares|FR|
Drees|FR|
Ined|FR|
Inserm|FR|
CNRS|FR|
Cnil|FR|
Gendarmerie nationale|FR|
Police nationale|FR|
préfecture de police de Paris|FR|préfecture de police
présidence (France)|FR|présidence de la République
ministère de l'Intérieur|FR|Intérieur
ministère de l'Économie|FR|ministère de l'Économie et des Finances;ministère des Finances
ministère des Affaires étrangères|FR|ministère de l'Europe et des Affaires étrangères
ministère des Armées|FR|
ministère de la Justice|FR|
ministère de l'Éducation nationale|FR|Éducation nationale
ministère de la Santé|FR|
ministère du Travail|FR|
ministère de la Culture|FR|
CGT|FR|Confédération générale du travail
CFDT|FR|Confédération française démocratique du travail
FO|FR|Force ouvrière;CGT-FO
CFE-CGC|FR|Confédération française de l'encadrement-CGC
CFTC|FR|Confédération française des travailleurs chrétiens
Unsa|FR|Union nationale des syndicats autonomes
Solidaires|FR|Union syndicale Solidaires
FSU|FR|Fédération syndicale unitaire
Snuipp-FSU|FR|Snuipp
Snes-FSU|FR|Snes
Medef|FR|Mouvement des entreprises de France
CPME|FR|Confédération des petites et moyennes entreprises
U2P|FR|
FNSEA|FR|Fédération nationale des syndicats d'exploitants agricoles
Confédération paysanne|FR|
Coordination rurale|FR|
RN|FR|Rassemblement national
LFI|FR|La France insoumise;France insoumise
PS|FR|Parti socialiste
LR|FR|Les Républicains
Renaissance|FR|La République en marche;LREM
MoDem|FR|Mouvement démocrate
Les Écologistes|FR|EELV;Europe Écologie-Les Verts
PCF|FR|Parti communiste français
Reconquête|FR|
Ifop|FR|
Ipsos|FR|
Elabe|FR|
Odoxa|FR|
OpinionWay|FR|
Harris Interactive|FR|
"""

# Leaders and officials whose names are spelled differently in the French and English press:
# canonical (French press spelling) | country code | aliases. Bare surnames only when unambiguous.
PERSONS = """
Vladimir Poutine|RU|Poutine;Putin;Vladimir Putin
Dmitri Medvedev|RU|Medvedev;Dmitry Medvedev
Sergueï Lavrov|RU|Lavrov;Sergei Lavrov;Sergey Lavrov
Dmitri Peskov|RU|Peskov;Dmitry Peskov
Sergueï Choïgou|RU|Choïgou;Shoigu;Sergei Shoigu
Mikhaïl Michoustine|RU|Michoustine;Mishustin;Mikhail Mishustin
Evgueni Prigojine|RU|Prigojine;Prigozhin;Yevgeny Prigozhin;Ievgueni Prigojine
Ramzan Kadyrov|RU|Kadyrov
Alexeï Navalny|RU|Navalny;Alexei Navalny;Alexey Navalny
Maria Zakharova|RU|Zakharova
Vassili Nebenzia|RU|Nebenzia;Vassily Nebenzia;Vasily Nebenzya
Valeri Guerassimov|RU|Guerassimov;Gerasimov;Valery Gerasimov
Andreï Belooussov|RU|Belooussov;Belousov;Andrei Belousov
Mikhaïl Gorbatchev|RU|Gorbatchev;Gorbachev;Mikhail Gorbachev
Boris Eltsine|RU|Eltsine;Yeltsin;Boris Yeltsin
Volodymyr Zelensky|UA|Zelensky;Zelenskyy;Zelenskiy;Zelenski;Volodymyr Zelenskyy;Volodymyr Zelenskiy;Volodimir Zelensky
Dmytro Kouleba|UA|Kouleba;Kuleba;Dmytro Kuleba
Andriï Sybiha|UA|Sybiha;Andrii Sybiha
Valeri Zaloujny|UA|Zaloujny;Zaluzhny;Zaluzhnyi;Valerii Zaluzhnyi
Oleksandr Syrsky|UA|Syrsky;Syrskyi;Oleksandr Syrskyi
Andriy Yermak|UA|Yermak;Iermak;Andriï Iermak
Denys Chmyhal|UA|Chmyhal;Shmyhal;Denys Shmyhal
Alexandre Loukachenko|BY|Loukachenko;Lukashenko;Alexander Lukashenko;Loukachenka;Aliaksandr Loukachenka
Svetlana Tikhanovskaïa|BY|Tikhanovskaïa;Tsikhanouskaya;Sviatlana Tsikhanouskaya
Xi Jinping|CN|Xi
Li Qiang|CN|
Wang Yi|CN|
Mao Zedong|CN|Mao Tsé-toung;Mao Tse-tung
Deng Xiaoping|CN|
Kim Jong-un|KP|Kim Jong Un
Kim Jong-il|KP|Kim Jong Il
Kim Il-sung|KP|Kim Il Sung
Kim Yo-jong|KP|Kim Yo Jong
Yoon Suk-yeol|KR|Yoon Suk Yeol;Yoon Seok-youl
Lee Jae-myung|KR|Lee Jae Myung
Moon Jae-in|KR|Moon Jae In
Recep Tayyip Erdogan|TR|Erdogan;Erdoğan;Recep Tayyip Erdoğan;Tayyip Erdogan
Benyamin Netanyahou|IL|Netanyahou;Netanyahu;Benjamin Netanyahu;Benjamin Netanyahou;Benyamin Netanyahu
Yoav Gallant|IL|Gallant
Ali Khamenei|IR|Khamenei;Khameneï;Ali Khameneï;ayatollah Ali Khamenei;ayatollah Khamenei
Ebrahim Raïssi|IR|Raïssi;Raisi;Ebrahim Raisi
Massoud Pezeshkian|IR|Pezeshkian;Pezechkian;Massoud Pezechkian;Masoud Pezeshkian
Hassan Rohani|IR|Rohani;Rouhani;Hassan Rouhani
Mahmoud Ahmadinejad|IR|Ahmadinejad
Abbas Araghchi|IR|Araghchi;Araghtchi;Abbas Araghtchi
Bachar al-Assad|SY|Bachar el-Assad;Bashar al-Assad;Bashar el-Assad
Ahmed al-Charaa|SY|al-Charaa;Ahmed al-Sharaa;Ahmad al-Chareh;Abou Mohammed al-Jolani;al-Joulani
Mahmoud Abbas|PS|Abou Mazen
Ismaïl Haniyeh|PS|Haniyeh;Haniyé;Ismaïl Haniyé;Haniya
Yahya Sinouar|PS|Sinouar;Sinwar;Yahya Sinwar
Hassan Nasrallah|LB|Nasrallah
Mohammed ben Salmane|SA|MBS;Mohammed bin Salman;Mohammed ben Salman;Mohamed ben Salmane
Abdel Fattah al-Sissi|EG|Sissi;al-Sissi;el-Sissi;Abdel Fattah el-Sissi;Abdel Fattah al-Sisi;Sisi
Mouammar Kadhafi|LY|Kadhafi;Gaddafi;Kaddafi;Qaddafi;Muammar Gaddafi;Muammar Kadhafi
Saddam Hussein|IQ|
Oussama ben Laden||Ben Laden;Osama bin Laden;Oussama Ben Laden;Bin Laden
Abou Bakr al-Baghdadi|IQ|al-Baghdadi;Abu Bakr al-Baghdadi
Narendra Modi|IN|Modi
Imran Khan|PK|
Viktor Orban|HU|Orban;Orbán;Viktor Orbán
Aleksandar Vucic|RS|Vucic;Vučić;Aleksandar Vučić
Ilham Aliev|AZ|Aliev;Aliyev;Ilham Aliyev
Nikol Pachinian|AM|Pachinian;Pashinyan;Nikol Pashinyan
Kassym-Jomart Tokaïev|KZ|Tokaïev;Tokayev;Kassym-Jomart Tokayev
Min Aung Hlaing|MM|
Aung San Suu Kyi|MM|
Abiy Ahmed|ET|
Paul Kagame|RW|Kagame
Félix Tshisekedi|CD|Tshisekedi
Emmanuel Macron|FR|Macron
Joe Biden|US|Biden
Donald Trump|US|Trump
Barack Obama|US|Obama
Kamala Harris|US|
Antony Blinken|US|Blinken;Anthony Blinken
Marco Rubio|US|Rubio
Olaf Scholz|DE|Scholz
Friedrich Merz|DE|Merz
Angela Merkel|DE|Merkel
Keir Starmer|GB|Starmer
Rishi Sunak|GB|Sunak
Boris Johnson|GB|
Giorgia Meloni|IT|Meloni
Pedro Sánchez|ES|
Justin Trudeau|CA|
Luiz Inácio Lula da Silva|BR|Lula;Lula da Silva
Jair Bolsonaro|BR|Bolsonaro
Javier Milei|AR|Milei
Nicolás Maduro|VE|Maduro
Hugo Chávez|VE|Chávez
Antonio Guterres||Guterres;António Guterres
Ursula von der Leyen||von der Leyen
Jens Stoltenberg||Stoltenberg
Mark Rutte||Rutte
Christine Lagarde||Lagarde
Tedros Adhanom Ghebreyesus||Tedros;Tedros Ghebreyesus
Rafael Grossi||Grossi
Kristalina Georgieva||Georgieva
"""

# French regions (2016) and historical or cultural regions: name | adjectives | aliases.
REGIONS_FR = """
Auvergne-Rhône-Alpes||AURA
Bourgogne-Franche-Comté||
Bretagne|breton|
Centre-Val de Loire||
Corse|corse|
Grand Est||
Hauts-de-France||
Île-de-France|francilien|
Normandie|normand|
Nouvelle-Aquitaine|néo-aquitain|
Occitanie|occitan|
Pays de la Loire||
Provence-Alpes-Côte d'Azur||PACA;Région Sud
Alsace|alsacien|
Lorraine|lorrain|
Provence|provençal|
Bourgogne|bourguignon|
Auvergne|auvergnat|
Picardie|picard|
Savoie|savoyard|
Franche-Comté|franc-comtois|
Champagne|champenois|
Limousin||
Aquitaine|aquitain|
Languedoc|languedocien|
Côte d'Azur|azuréen|
Gascogne|gascon|
Périgord|périgourdin|
Berry|berrichon|
Camargue|camarguais|
Beauce|beauceron|
Pays basque|basque|
"""

# The 101 départements (names only; Paris is a city row); adjectives where common.
DEPARTEMENTS = """
Ain|aindinois
Aisne|axonais
Allier|
Alpes-de-Haute-Provence|
Hautes-Alpes|haut-alpin
Alpes-Maritimes|maralpin
Ardèche|ardéchois
Ardennes|ardennais
Ariège|ariégeois
Aube|aubois
Aude|audois
Aveyron|aveyronnais
Bouches-du-Rhône|
Calvados|calvadosien
Cantal|cantalien
Charente|charentais
Charente-Maritime|
Cher|
Corrèze|corrézien
Corse-du-Sud|
Haute-Corse|
Côte-d'Or|
Côtes-d'Armor|costarmoricain
Creuse|creusois
Dordogne|
Doubs|
Drôme|drômois
Eure|
Eure-et-Loir|
Finistère|finistérien
Gard|gardois
Haute-Garonne|haut-garonnais
Gers|gersois
Gironde|girondin
Hérault|héraultais
Ille-et-Vilaine|brétillien
Indre|
Indre-et-Loire|
Isère|isérois
Jura|jurassien
Landes|landais
Loir-et-Cher|
Loire|
Haute-Loire|
Loire-Atlantique|
Loiret|loirétain
Lot|lotois
Lot-et-Garonne|
Lozère|lozérien
Maine-et-Loire|
Manche|manchois
Marne|marnais
Haute-Marne|haut-marnais
Mayenne|mayennais
Meurthe-et-Moselle|
Meuse|meusien
Morbihan|morbihannais
Moselle|mosellan
Nièvre|nivernais
Nord|nordiste
Oise|isarien
Orne|ornais
Pas-de-Calais|
Puy-de-Dôme|puydômois
Pyrénées-Atlantiques|
Hautes-Pyrénées|haut-pyrénéen
Pyrénées-Orientales|
Bas-Rhin|bas-rhinois
Haut-Rhin|haut-rhinois
Rhône|rhodanien
Haute-Saône|haut-saônois
Saône-et-Loire|
Sarthe|sarthois
Savoie|
Haute-Savoie|haut-savoyard
Seine-Maritime|seinomarin
Seine-et-Marne|seine-et-marnais
Yvelines|yvelinois
Deux-Sèvres|deux-sévrien
Somme|samarien
Tarn|tarnais
Tarn-et-Garonne|
Var|varois
Vaucluse|vauclusien
Vendée|vendéen
Vienne|
Haute-Vienne|haut-viennois
Vosges|vosgien
Yonne|icaunais
Territoire de Belfort|
Essonne|essonnien
Hauts-de-Seine|alto-séquanais
Seine-Saint-Denis|séquano-dionysien
Val-de-Marne|val-de-marnais
Val-d'Oise|valdoisien
Guadeloupe|
Martinique|
Guyane|
La Réunion|
Mayotte|
"""

# Regions of other countries named often with their adjective: name | country | adjectives | aliases.
REGIONS_WORLD = """
Angleterre|GB|anglais|
Écosse|GB|écossais|
Pays de Galles|GB|gallois|
Irlande du Nord|GB|nord-irlandais|
Catalogne|ES|catalan|
Andalousie|ES|andalou|
Bavière|DE|bavarois|
Flandre|BE|flamand|Flandres
Wallonie|BE|wallon|
Québec|CA|québécois|
Californie|US|californien|
Texas|US|texan|
Floride|US|floridien|
Tchétchénie|RU|tchétchène|
Sibérie|RU|sibérien|
Tibet|CN|tibétain|
Xinjiang|CN||
Crimée|UA|criméen|Crimea
Donbass|UA||Donbas
bande de Gaza|PS|gazaoui|Gaza
Cisjordanie|PS|cisjordanien|West Bank
Europe||européen|
Afrique||africain|
Asie||asiatique|
Amérique latine||latino-américain|
Amérique du Nord||nord-américain|
Moyen-Orient||moyen-oriental|Proche-Orient
"""

# Cities that are not national capitals (or capitals kept as cities): name | country | adjectives | aliases.
CITIES = """
Paris|FR|parisien|
Bruxelles|BE|bruxellois|Brussels
Marseille|FR|marseillais|
Lyon|FR|lyonnais|
Toulouse|FR|toulousain|
Nice|FR|niçois|
Nantes|FR|nantais|
Montpellier|FR|montpelliérain|
Strasbourg|FR|strasbourgeois|
Bordeaux|FR|bordelais|
Lille|FR|lillois|
Rennes|FR|rennais|
Reims|FR|rémois|
Saint-Étienne|FR|stéphanois|St-Étienne
Le Havre|FR|havrais|
Toulon|FR|toulonnais|
Grenoble|FR|grenoblois|
Dijon|FR|dijonnais|
Angers|FR|angevin|
Nîmes|FR|nîmois|
Villeurbanne|FR|villeurbannais|
Clermont-Ferrand|FR|clermontois|
Le Mans|FR|manceau|
Aix-en-Provence|FR|aixois|
Brest|FR|brestois|
Tours|FR|tourangeau|
Amiens|FR|amiénois|
Limoges|FR|limougeaud|
Perpignan|FR|perpignanais|
Metz|FR|messin|
Besançon|FR|bisontin|
Orléans|FR|orléanais|
Rouen|FR|rouennais|
Mulhouse|FR|mulhousien|
Caen|FR|caennais|
Nancy|FR|nancéien|
Saint-Denis|FR|dionysien|
Argenteuil|FR|argenteuillais|
Montreuil|FR|montreuillois|
Roubaix|FR|roubaisien|
Tourcoing|FR|tourquennois|
Avignon|FR|avignonnais|
Poitiers|FR|poitevin|
Pau|FR|palois|
La Rochelle|FR|rochelais|
Calais|FR|calaisien|
Cannes|FR|cannois|
Ajaccio|FR|ajaccien|
Bastia|FR|bastiais|
Bayonne|FR|bayonnais|
Lorient|FR|lorientais|
Quimper|FR|quimpérois|
Vannes|FR|vannetais|
Saint-Malo|FR|malouin|
Annecy|FR|annécien|
Chambéry|FR|chambérien|
Valence|FR|valentinois|
Nanterre|FR|nanterrien|
Créteil|FR|cristolien|
Bobigny|FR|balbynien|
Versailles|FR|versaillais|
Béziers|FR|biterrois|
Colmar|FR|colmarien|
Troyes|FR|troyen|
Chartres|FR|chartrain|
Dunkerque|FR|dunkerquois|
Saint-Nazaire|FR|nazairien|
Niort|FR|niortais|
Montauban|FR|montalbanais|
Albi|FR|albigeois|
Biarritz|FR|biarrot|
Pointe-à-Pitre|FR|pointois|
Fort-de-France|FR|foyalais|
Cayenne|FR|cayennais|
Nouméa|FR|nouméen|
Papeete|FR||
Mamoudzou|FR||
New York|US|new-yorkais|
Los Angeles|US||
Chicago|US||
San Francisco|US||
Saint-Pétersbourg|RU|pétersbourgeois|Saint Petersburg
Shanghai|CN|shanghaïen|
Wuhan|CN||
Istanbul|TR|stambouliote|
Barcelone|ES|barcelonais|Barcelona
Milan|IT|milanais|Milano
Naples|IT|napolitain|Napoli
Munich|DE|munichois|München
Francfort|DE||Frankfurt
Hambourg|DE|hambourgeois|Hamburg
Genève|CH|genevois|Geneva
Zurich|CH|zurichois|
Lausanne|CH|lausannois|
Montréal|CA|montréalais|
Toronto|CA|torontois|
Anvers|BE|anversois|Antwerp
Liège|BE|liégeois|
La Haye|NL||The Hague
Rotterdam|NL||
Sydney|AU||
Bombay|IN||Mumbai
Delhi|IN||
Karachi|PK||
Lagos|NG||
Bujumbura|BI||
Dar es Salaam|TZ||
Casablanca|MA|casablancais|
Marrakech|MA||
Oran|DZ|oranais|
Alexandrie|EG||
Jérusalem||hiérosolymitain|Jerusalem
Tel-Aviv|IL||Tel Aviv
Rafah|PS||
Khan Younès|PS||Khan Younis
Ramallah|PS||
Alep|SY|alépin|Aleppo
Homs|SY||
Mossoul|IQ||Mosul
Bassora|IQ||Basra
Kharkiv|UA||Kharkov
Odessa|UA||Odesa
Marioupol|UA||Mariupol
Bakhmout|UA||Bakhmut
Donetsk|UA||
Louhansk|UA||Luhansk;Lougansk
Zaporijia|UA||Zaporizhzhia;Zaporojie
Kherson|UA||
Lviv|UA||Lvov
Dnipro|UA||
Tchernobyl|UA||Chernobyl
Sébastopol|UA||Sevastopol
Koursk|RU||Kursk
Belgorod|RU||
"""

# Adjectives of cities that are national capitals (the capital rows come from UN_MEMBERS).
CAPITAL_ADJECTIVES = {
    "Moscou": ["moscovite"],
    "Pékin": ["pékinois"],
    "Londres": ["londonien"],
    "Berlin": ["berlinois"],
    "Madrid": ["madrilène"],
    "Kiev": ["kiévien"],
    "Alger": ["algérois"],
    "Tunis": ["tunisois"],
    "Dakar": ["dakarois"],
    "Abidjan": ["abidjanais"],
    "Kinshasa": ["kinois"],
    "Le Caire": ["cairote"],
    "Beyrouth": ["beyrouthin"],
    "Téhéran": ["téhéranais"],
}


def _split(field: str, sep: str = ";") -> list[str]:
    return [item.strip() for item in field.split(sep) if item.strip()]


def _table(text: str) -> list[list[str]]:
    return [line.split("|") for line in text.strip().splitlines()]


def build() -> tuple[str, list[str]]:
    """The TSV text and a list of warnings (aliases one type reads several ways)."""
    territories = Locale("fr").territories
    names = {
        code: DISPLAY.get(code, name).replace("’", "'")
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in SKIP_CODES
    }
    rows: list[tuple[str, str, str, str]] = []

    def add(alias: str, canon: str, kind: str, country: str) -> None:
        assert kind in ENTITY_TYPES, kind
        rows.append((alias.replace("’", "'"), canon, kind, country))

    def country_name(code: str) -> str:
        return names[code] if code else ""

    # Countries and territories (Babel), French overseas as regions of France.
    for code, name in sorted(names.items(), key=lambda item: fold(item[1])):
        aliases = [name, territories[code], *COUNTRY_ALIASES.get(code, [])]
        if code in FRENCH_OVERSEAS:
            for alias in [*aliases, *FRENCH_OVERSEAS_ALIASES.get(code, [])]:
                add(alias, name, "region", names["FR"])
            for adjective in FRENCH_OVERSEAS[code]:
                add(adjective, name, "demonym", names["FR"])
        else:
            for alias in aliases:
                add(alias, name, "country", name)
    for alias, codes in AMBIGUOUS_COUNTRY_ALIASES.items():
        for code in codes:
            add(alias, names[code], "country", names[code])

    # Demonyms and capitals.
    members = _table(UN_MEMBERS)
    assert len(members) == 193, len(members)
    city_of: dict[str, str] = {}
    for code, demonyms, capitals in members + _table(OTHER_TERRITORIES):
        country = names[code]
        for demonym in _split(demonyms, ","):
            add(demonym, country, "demonym", country)
        for capital in _split(capitals):
            spellings = _split(capital, "/")
            city = spellings[0]
            as_city = city in CAPITALS_AS_CITIES
            for spelling in spellings:
                add(spelling, city if as_city else country, "capital", country)
                add(spelling, city, "city", country)
                city_of[fold(spelling)] = city
    for alias, codes in AMBIGUOUS_DEMONYMS.items():
        for code in codes:
            add(alias, names[code], "demonym", names[code])
    for city, adjectives in CAPITAL_ADJECTIVES.items():
        assert fold(city) in city_of, city
        country = next(r[3] for r in rows if r[0] == city and r[2] == "city")
        for adjective in adjectives:
            add(adjective, city, "demonym", country)

    # Seats of power, organisations, persons.
    org_names = {canon for canon, _, _ in _table(ORGS)}
    for kind, text in (("seat", SEATS), ("org", ORGS), ("person", PERSONS)):
        for canon, code, aliases in _table(text):
            if kind == "seat" and canon in names:
                canon = names[canon]
            for alias in [canon, *_split(aliases)]:
                if kind == "seat" and alias == canon and (canon in names.values() or canon in org_names):
                    continue  # that name is read as the country or the organisation itself
                add(alias, canon, kind, country_name(code))

    # Regions, départements, cities.
    for name, adjectives, aliases in _table(REGIONS_FR):
        for alias in [name, *_split(aliases)]:
            add(alias, name, "region", names["FR"])
        for adjective in _split(adjectives, ","):
            add(adjective, name, "demonym", names["FR"])
    for name, adjectives in _table(DEPARTEMENTS):
        add(name, name, "region", names["FR"])
        for adjective in _split(adjectives, ","):
            add(adjective, name, "demonym", names["FR"])
    for kind, text in (("region", REGIONS_WORLD), ("city", CITIES)):
        for name, code, adjectives, aliases in _table(text):
            for alias in [name, *_split(aliases)]:
                add(alias, name, kind, country_name(code))
            for adjective in _split(adjectives, ","):
                add(adjective, name, "demonym", country_name(code))

    # Deduplicate on (folded alias, canonical, type); report readings that make an alias ambiguous.
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for row in rows:
        key = (fold(row[0]), row[1], row[2])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    readings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for alias, canon, kind, _ in unique:
        readings[(fold(alias), kind)].add(canon)
    warnings = [
        f"ambiguous {kind}: {alias!r} → {sorted(c)}" for (alias, kind), c in readings.items() if len(c) > 1
    ]

    header = [
        "# gazetteer.tsv: aliases of entities (countries, demonyms, capitals, seats of power,",
        "# organisations, French regions/départements/cities, leaders' transliterations).",
        "# GENERATED by scripts/build_gazetteer.py: edit the script, not this file.",
        f"# country names: Babel {babel.__version__} CLDR via Locale('fr').territories (display overrides in the script);",
        "# demonyms/adjectives and capitals of the 193 UN member states: general knowledge of French",
        "#   gentilés (reference: Journal officiel recommendation on names of States, inhabitants and",
        "#   capitals, 2008; not machine-checked); plural/feminine forms are folded by demonym_lemma;",
        "# seats of power, organisations and acronyms, French regions/départements/cities and gentilés,",
        "#   leaders' name transliterations (French and English press): general knowledge.",
        "# columns: alias<TAB>canonical<TAB>type<TAB>country",
        "# type: " + "|".join(ENTITY_TYPES) + "; country empty for international bodies.",
        "# An alias with several readings of one type is ambiguous (e.g. 'congolais').",
    ]
    body = ["\t".join(row) for row in unique]
    return "\n".join(header + body) + "\n", warnings


def main() -> int:
    text, warnings = build()
    for warning in warnings:
        print(warning, file=sys.stderr)
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
