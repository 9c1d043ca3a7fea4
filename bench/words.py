"""Real words for the realistic corpus: common English, names, places, Arabic, Sorani.

The common words head a Zipf vocabulary (bench/corpus.py), so the most frequent words
of the generated articles are the ones of real news text; the long tail is made of
generated words, as the long tail of a real vocabulary is made of rare ones.
"""

COMMON = """
the of and to a in that is for on said was with he it as at by from his be have has
are but not an they its were been this their who had will would which or after also
more one about when over than two new first up out year people there all can into we
last other some government minister president officials could she just what said her
no time only against state told city including since years percent police three while
week before during security forces military local country where under most told him
them now because between many told back any through told those such made being how
court told according may like our told him then would these did well told four do
official statement attack killed support public part next day national foreign army
former second told law political party election group report news month called
members health since told million billion around another told both told own way even
still area told war region told power talks told deal water oil told economic prime
united states international president's told until among leader however told several
told whether told left told help further told decision told earlier told north south
east west told border told troops told province told council told ministry told
spokesperson ceasefire pipeline embassy sanctions inflation refugees camp aid
electricity ruling parliament protest protesters coalition militia drone strike strikes
negotiations withdrawal agreement delegation reconstruction budget salaries farmers dam
crossing exports market prices currency dinar dollar bank investment company companies
energy gas field fields contract contracts oilfield sector workers union students
school schools university hospital hospitals doctors patients disease vaccine water
drought river rivers rain crops wheat food flour fuel power plant plants grid outage
outages shortage shortages demand supply export import imports tariffs trade visit
visited meeting meetings met discussed discussion summit conference committee
commission investigation investigators prosecutor judge judges trial verdict sentence
prison prisoners detainees arrested arrest arrests charges charged accused suspect
suspects victims casualties injured wounded dead bodies funeral families children
women men residents villagers village villages town towns district districts
neighbourhood streets road roads highway checkpoint checkpoints convoy vehicle vehicles
car bomb explosion blast rocket rockets missile missiles artillery shelling airstrike
airstrikes aircraft jets helicopter base bases camp camps barracks soldiers fighters
commander commanders general colonel officer officers intelligence sources source
witnesses witness video footage images photos social media accounts statement
statements spokesman spokeswoman announced announcement confirmed denied claims claimed
responsibility condemned condemnation called calls urged warned warning threat threats
threatened risk risks crisis tensions tension dispute disputes conflict violence
clashes fighting operation operations campaign offensive counterterrorism terrorism
terrorist terrorists extremists insurgents cells remnants hideouts weapons ammunition
explosives seized seizure smuggling smugglers trafficking drugs border guards customs
revenue revenues taxes tax budget deficit debt loans loan fund funds funding donors
donor assistance humanitarian relief shelter displaced displacement return returns
returnees resettlement housing reconstruction rebuilding projects project contractor
contractors corruption bribery fraud audit transparency accountability reform reforms
law laws bill bills draft amendment vote votes voting voters ballot ballots polls
poll turnout campaign candidates candidate seats seat bloc blocs alliance alliances
coalition coalitions opposition ruling parties independent independents lawmakers
lawmaker speaker session sessions quorum constitution constitutional federal regional
provincial municipal mayor governor governors governorate cabinet ministers ministry
ministries department agency agencies authority authorities administration officials
director directors head chief deputy adviser advisers envoy ambassador ambassadors
diplomat diplomats diplomatic relations bilateral cooperation partnership agreement
memorandum understanding framework roadmap plan plans strategy policy policies
decision decisions measures steps procedures mechanism mechanisms committee
""".split()

FIRST_NAMES = """
Ahmed Mohammed Ali Hassan Hussein Omar Khalid Mustafa Karim Nechirvan Masrour Masoud
Qubad Bafel Lahur Shaswar Hero Vian Nadia Layla Sara Dilan Rebaz Hemin Saman Aram
Kawa Shwan Goran Azad Bakhtiyar Fuad Jalal Barham Hoshyar Hamid Mohammed Shia Adel
Nouri Haider Muqtada Ammar Hadi Falih Qais Nuri Abdul Mahdi Fatima Zainab Maryam
Aisha Noor Rana Huda John Michael David Sarah Emily James Robert Jennifer Lloyd
Antony Jake Brett Alina Jeanine Tom Anna Maria Peter Paul Mark Ben Lisa Karen Joseph
Recep Hakan Ebrahim Hossein Abbas Bashar Ahmad Salih Mazloum Ilham Kamal Sherzad
""".split()

SURNAMES = """
Barzani Talabani Sudani Kadhimi Maliki Sadr Hakim Amiri Fayyadh Khazali Abadi Allawi
Halbousi Mashhadani Zebari Hussein Salih Rashid Zaidan Jabouri Obeidi Dulaimi Karim
Abdullah Mahmoud Ahmed Qadir Rasul Aziz Hamad Jaff Sindi Doski Mizuri Herki Khoshnaw
Shwani Baban Hawrami Mufti Rahman Ismail Faraj Blinken Austin Hennis-Plasschaert
Smith Johnson Brown Miller Davis Wilson Moore Taylor Anderson Thomas Jackson White
Harris Martin Thompson Garcia Martinez Robinson Clark Lewis Walker Erdogan Fidan
Raisi Araghchi Assad Abdi Fattah Hamidi Jabbar Saleh Tamimi Shammari Rubaie
""".split()

PLACES = """
Erbil Baghdad Basra Mosul Kirkuk Sulaimani Duhok Halabja Zakho Ranya Koya Soran
Khanaqin Sinjar Shingal Makhmour Tuz Khurmatu Tikrit Samarra Fallujah Ramadi Anbar
Najaf Karbala Hilla Diwaniyah Nasiriyah Amarah Kut Baqubah Diyala Nineveh Salahaddin
Qandil Penjwen Qaladze Akre Amedi Shaqlawa Chamchamal Darbandikhan Dukan Garmiyan
Kalar Rabia Qamishli Hasakah Raqqa Kobani Deir Ezzor Aleppo Damascus Homs Idlib
Ankara Istanbul Diyarbakir Gaziantep Tehran Mashhad Tabriz Urmia Sanandaj Kermanshah
Amman Beirut Riyadh Doha Dubai Abu Dhabi Kuwait Manama Muscat Cairo Jerusalem Gaza
Washington London Paris Berlin Moscow Beijing Brussels Geneva Vienna Stockholm
Kurdistan Iraq Syria Turkey Iran Jordan Lebanon Israel Egypt Europe America Russia
Tigris Euphrates Zab Sirwan Khabur Mosul Dam Haditha Tharthar Hamrin
""".split()

OUTLETS = [
    "Rudaw",
    "Kurdistan24",
    "Shafaq News",
    "The New Arab",
    "Al-Monitor",
    "Reuters",
    "Associated Press",
    "AFP",
    "The National",
    "Asharq Al-Awsat",
    "Al Jazeera",
    "BBC",
    "Middle East Eye",
    "Iraqi News Agency",
    "Baghdad Today",
    "Kurdistan Chronicle",
]

# Modern Standard Arabic news words, written without harakat as news is. Proclitics
# (و ف ب ك ل ال) are added by the generator, so a word appears with and without them.
ARABIC = """
قال وزير الخارجية الحكومة العراقية رئيس الوزراء مجلس النواب الاقليم كردستان بغداد اربيل
السليمانية الموصل كركوك البصرة جسر نهر دجلة الفرات النفط الغاز الكهرباء الماء المياه
الجفاف الزراعة القمح الفلاحين المحافظة المحافظ القوات الامنية الجيش الشرطة الحدود هجوم
طائرة مسيرة صاروخ قصف انفجار عبوة ناسفة قتلى جرحى مصادر محلية بيان رسمي اجتماع لقاء
زيارة وفد اتفاق مفاوضات رواتب موظفين الموازنة العامة الدولار الدينار السوق الاسعار
الانتخابات البرلمان الاحزاب الكتلة التحالف المعارضة المحكمة الاتحادية القضاء قرار
المواطنين الاهالي العائلات النازحين المخيمات اللاجئين المساعدات الانسانية المنظمات
الدولية الامم المتحدة الولايات المتحدة تركيا ايران سوريا الاردن السعودية مصر المنطقة
الحدودية الشمالية الجنوبية الغربية الشرقية العاصمة المدينة القرية الطريق السريع
الشركة الشركات المشروع المشاريع الاستثمار التنمية الاقتصاد البطالة الشباب الطلاب
الجامعة المدارس المستشفى الصحة وزارة التربية التعليم الداخلية الدفاع المالية
الاعمار الاسكان البنية التحتية الجديد الجديدة الكبير الكبيرة الاول الثاني اليوم امس
الاسبوع الشهر العام خلال بعد قبل عند حتى منذ بين على في من الى عن مع ان هذا هذه التي
الذي الذين كان كانت يكون تكون اكد اعلن اوضح اشار اضاف اكدت اعلنت ذكرت نقلت
""".split()

# Sorani Kurdish in Arabic script (with its own letters: ە ێ ۆ ڕ ڵ ی ک).
SORANI = """
هەولێر سلێمانی دهۆک کەرکووک بەغدا حکومەتی هەرێمی کوردستان پەرلەمان سەرۆکی وەزیران
وەزارەتی ناوخۆ پێشمەرگە هێزەکانی ئاسایش مووچە فەرمانبەران بودجە نەوت گاز کارەبا ئاو
وشکەساڵی جووتیاران گوند شار پارێزگا پارێزگار هێرش درۆن مووشەک تەقینەوە کوژران
بریندار سەرچاوەکان ڕاگەیاندن کۆبوونەوە سەردان شاندێک ڕێککەوتن دانوستان هەڵبژاردن
پارتی یەکێتی گۆڕان ئۆپۆزسیۆن دادگا بڕیار هاووڵاتیان ئاوارەکان کەمپ یارمەتی ڕێکخراو
نەتەوە یەکگرتووەکان ئەمریکا تورکیا ئێران سووریا سنوور ڕێگا پرد ڕووبار زێ بازاڕ دۆلار
دینار نرخ کۆمپانیا پڕۆژە وەبەرهێنان ئابووری بێکاری لاوان خوێندکاران زانکۆ قوتابخانە
نەخۆشخانە تەندروستی ئەمڕۆ دوێنێ هەفتە مانگ ساڵ لە بۆ بە لەگەڵ دوای پێش کە ئەم ئەو
وتی ڕایگەیاند ئاماژەی پێدا جەختی کردەوە
""".split()
