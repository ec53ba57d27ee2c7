"""Words that name a role (office, job, membership, family tie), in English and Russian.

Lemmas: English in the singular, Russian in pymorphy3's normal form.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


ROLE_EN = frozenset(
    _words("""
    director deputy lawmaker mp member head chief chairman chairwoman chair chairperson minister governor
    mayor official officer adviser advisor president vice-president secretary senator councillor councilor
    activist coordinator leader founder co-founder teacher doctor nurse mother father widow wife husband son
    daughter journalist correspondent editor producer blogger commander soldier judge prosecutor ambassador
    manager employee worker ceo representative delegate candidate volunteer veteran priest professor student
    spokesman spokeswoman spokesperson aide assistant inspector specialist administrator clerk lecturer
    economist lawyer analyst filmmaker actress actor singer businessman businesswoman entrepreneur organiser
    organizer campaigner deputy-head premier speaker governor-general envoy diplomat colonel general major
    captain lieutenant sergeant pensioner resident mother-of-three mother-of-two housewife principal
    politician schoolteacher driver accountant engineer economist cleaner cook librarian pharmacist surgeon
    paramedic police policeman policewoman firefighter rector dean headteacher headmaster headmistress
    psychologist social-worker trainer coach athlete artist writer poet musician photographer
    bodyguard guard secretary-general deputy-director vice-governor
    """)
)
ROLE_RU = frozenset(
    _words("""
    депутат директор заместитель замдиректора глава руководитель начальник председатель член министр
    губернатор мэр советник помощник пресс-секретарь представитель сотрудник сотрудница чиновник
    чиновница режиссёр режиссер активист активистка координатор лидер основатель основательница
    учитель учительница врач мать вдова жена муж сын дочь журналист журналистка корреспондент редактор
    продюсер блогер блогерша командир офицер судья прокурор посол специалист секретарь сенатор кандидат
    волонтёр волонтер ветеран священник профессор студент студентка заведующий заведующая уполномоченный
    мама преподаватель вице-губернатор замглавы зампред президент премьер спикер инспектор администратор
    экономист юрист аналитик актриса актёр актер певица певец бизнесмен предприниматель организатор
    полковник генерал майор капитан лейтенант сержант пенсионерка пенсионер домохозяйка жительница житель
    многодетная вице-президент атаман политик медсестра медбрат помощница водитель охранник
    замминистра вице-мэр вице-спикер бухгалтер инженер уборщица повар библиотекарь фармацевт хирург
    фельдшер полицейский пожарный ректор декан завуч психолог тренер спортсмен художник писатель поэт
    музыкант фотограф воспитательница воспитатель продавщица продавец
    """)
)
# Verbs that state a role in a relative clause or predicate ("who heads ...", "которая возглавляет ...").
ROLE_VERBS_EN = frozenset(
    _words("is was heads headed leads led chairs chaired runs ran works worked serves served represents sits sat")
)
COPULA_EN = frozenset(_words("is was"))
ROLE_VERBS_RU = frozenset(
    _words(
        "является являлась являлся возглавляет возглавляла возглавлял руководит руководила руководил работает "
        "работала работал служит служила служил занимает занимала занимал входит входила входил"
    )
)
COPULA_RU = frozenset(_words("является являлась являлся работает работала работал служит служила служил"))
ARTICLES_EN = frozenset(_words("a an the another one"))
RELATIVE_EN = frozenset(_words("who"))
RELATIVE_RU = frozenset(_words("которая который которые"))
# Words between a name and its role verb that change nothing ("Belekhova now runs ...").
ADVERBS = frozenset(
    _words(
        "now also still currently previously formerly later then had has have been сейчас также теперь ранее раньше "
        "по-прежнему до этого уже"
    )
)
# Organisations the NER models often miss or mislabel (real institutions; names are facts).
ORG_NAMES = (
    "United Russia",
    "Communist Party",
    "LDPR",
    "A Just Russia",
    "New People",
    "Yabloko",
    "All-Russia People's Front",
    "Young Guard of United Russia",
    "Yunarmiya",
    "State Duma",
    "Federation Council",
    "Moscow City Duma",
    "Kremlin",
    "Ministry of Defence",
    "Ministry of Defense",
    "Federal Security Service",
    "FSB",
    "Investigative Committee",
    "Rosgvardia",
    "TASS",
    "RIA Novosti",
    "Rossiya-1",
    "Channel One",
    "RT",
    "Meduza",
    "Novaya Gazeta Europe",
    "Novaya Gazeta",
    "TV Rain",
    "BBC Russian Service",
    "Council of Mothers and Wives",
    "Committee of Soldiers' Mothers",
    "Civic Chamber",
    "Presidential Grants Fund",
    "Dossier Center",
)
# Places that stand for an institution ("the Kremlin said").
INSTITUTION_PLACES = frozenset({"кремль", "kremlin", "белый дом", "смольный"})
# Head nouns that make an organisation of the place after (or before) them.
ADMIN_HEADS_RU = frozenset(
    {"администрация", "правительство", "мэрия", "прокуратура", "дума", "собрание", "совет", "управление"}
    | {"министерство", "комитет", "департамент"}
)
ADMIN_TAIL_EN = (
    "district administration",
    "regional government",
    "city administration",
    "administration",
    "city council",
    "regional administration",
    "city hall",
    "regional duma",
)
# Nouns that say the name after them is an outlet or body ("the newspaper Volzhskaya Kommuna").
ORG_TYPE_WORDS = frozenset(
    _words("newspaper paper channel agency magazine outlet website газета телеканал агентство журнал издание сайт")
)
