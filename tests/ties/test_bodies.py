"""The body classifier on real organisation names (public bodies, parties, movements, state
institutions and media as they are officially named) and on real private companies that must
not classify."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiescreen.normalize.text import fold_text
from tiescreen.ties.bodies import (
    _BY_NAME,
    _NUMBERED,
    _PARTY,
    _PRIVATE_FORM,
    _RULING,
    _STATE_FORM,
    _YOUTH_WING,
    _classify_text,
    _fold,
    classify_body,
)

REAL_BODIES = [
    # legislatures
    ("Совет депутатов муниципального округа Отрадное", "legislature"),
    ("Государственная Дума Федерального Собрания Российской Федерации", "legislature"),
    ("Московская городская Дума", "legislature"),
    ("Законодательное Собрание Санкт-Петербурга", "legislature"),
    ("Верховный Хурал (парламент) Республики Тыва", "legislature"),
    ("Народный Хурал Республики Бурятия", "legislature"),
    ("Государственное Собрание (Ил Тумэн) Республики Саха (Якутия)", "legislature"),
    ("Государственный Совет Республики Татарстан", "legislature"),
    ("Курултай Республики Башкортостан", "legislature"),
    ("Парламент Чеченской Республики", "legislature"),
    ("Народное Собрание Республики Дагестан", "legislature"),
    ("Совет Федерации Федерального Собрания Российской Федерации", "legislature"),
    ("Хурал представителей Каа-Хемского кожууна", "legislature"),
    ("Дума городского округа Тольятти", "legislature"),
    ("Совет народных депутатов города Владимира", "legislature"),
    ("Ярославская областная дума", "legislature"),
    ("Legislative Assembly of Saint Petersburg", "legislature"),
    ("State Duma of the Federal Assembly of the Russian Federation", "legislature"),
    ("Moscow City Duma", "legislature"),
    ("Great Khural of the Republic of Tuva", "legislature"),
    # executive bodies and agencies
    ("Администрация Каа-Хемского района", "government"),
    ("администрация Кировского района города Саратова", "government"),
    ("Правительство Еврейской автономной области", "government"),
    ("Government of the Jewish Autonomous Region", "government"),
    ("Правительство Курской области", "government"),
    ("Министерство обороны Российской Федерации", "government"),
    ("Министерство здравоохранения Республики Тыва", "government"),
    ("Ministry of Defence of the Russian Federation", "government"),
    ("Департамент образования и науки города Москвы", "government"),
    ("Комитет по образованию Санкт-Петербурга", "government"),
    ("Управа района Отрадное города Москвы", "government"),
    ("Префектура Северо-Восточного административного округа города Москвы", "government"),
    ("Мэрия города Новосибирска", "government"),
    ("Управление Федеральной налоговой службы по Саратовской области", "government"),
    ("Федеральная служба безопасности Российской Федерации", "government"),
    ("Federal Security Service", "government"),
    ("Следственный комитет Российской Федерации", "government"),
    ("Центральная избирательная комиссия Российской Федерации", "government"),
    ("Счётная палата Российской Федерации", "government"),
    ("Управление Росреестра по Курской области", "government"),
    ("Военный комиссариат Курской области", "government"),
    ("Администрация Президента Российской Федерации", "government"),
    ("Presidential Executive Office", "government"),
    ("Социальный фонд России", "government"),
    # courts and prosecutors
    ("Верховный Суд Российской Федерации", "court"),
    ("Арбитражный суд Московского округа", "court"),
    ("Кировский районный суд г. Саратова", "court"),
    ("Прокуратура Республики Тыва", "court"),
    ("Supreme Court of the Russian Federation", "court"),
    # state and municipal institutions by legal form
    ("ГБУ «Жилищник района Отрадное»", "state_institution"),
    ("ГБУ «Юность»", "state_institution"),
    ("МБУ «Молодёжный центр»", "state_institution"),
    ("ГБОУ «Школа № 1530 «Школа Ломоносова»", "state_institution"),
    ("ГБУЗ «Городская клиническая больница № 52 ДЗМ»", "state_institution"),
    ("ФГУП «Почта России»", "state_institution"),
    ("МУП «Водоканал»", "state_institution"),
    ("ГКУ «Центр занятости населения города Москвы»", "state_institution"),
    ("ФГБОУ ВО «Московский государственный университет имени М.В. Ломоносова»", "state_institution"),
    ("Государственное бюджетное учреждение культуры «Национальный музей Республики Тыва»", "state_institution"),
    ("Муниципальное бюджетное дошкольное образовательное учреждение детский сад № 5", "state_institution"),
    ("Federal State Unitary Enterprise Russian Post", "state_institution"),
    ("Государственная корпорация по атомной энергии «Росатом»", "state_company"),
    # state media
    ("ВГТРК", "state_media"),
    ("ГТРК «Тыва»", "state_media"),
    ("Первый канал", "state_media"),
    ("ТАСС", "state_media"),
    ("МИА «Россия сегодня»", "state_media"),
    ("РИА Новости", "state_media"),
    ("Телеканал «Звезда»", "state_media"),
    ("Российская газета", "state_media"),
    ("Russia Today", "state_media"),
    # movements, civic chambers, state-backed NGOs
    ("Общероссийский народный фронт", "movement"),
    ("All-Russia People's Front", "movement"),
    ("Общественная палата Российской Федерации", "movement"),
    ("Общественная палата Тверской области", "movement"),
    ("Civic Chamber of the Russian Federation", "movement"),
    ("Общественный совет при Министерстве обороны Российской Федерации", "movement"),
    ("Всероссийское военно-патриотическое общественное движение «Юнармия»", "movement"),
    ("Общероссийское общественно-государственное движение детей и молодёжи «Движение первых»", "movement"),
    ("Молодая гвардия Единой России", "movement"),
    ("Всероссийская общественная организация ветеранов «Боевое братство»", "movement"),
    ("Всероссийская общественная организация «Совет матерей»", "movement"),
    ("Общероссийская общественная организация «Офицеры России»", "movement"),
    ("Государственный фонд поддержки участников специальной военной операции «Защитники Отечества»", "movement"),
    # parties
    ("Всероссийская политическая партия «Единая Россия»", "party"),
    ("United Russia", "party"),
    ("Коммунистическая партия Российской Федерации", "party"),
    ("КПРФ", "party"),
    ("ЛДПР — Либерально-демократическая партия России", "party"),
    ("Справедливая Россия — За правду", "party"),
    ("Партия «Новые люди»", "party"),
    ("Российская объединённая демократическая партия «Яблоко»", "party"),
    ("Communist Party of the Russian Federation", "party"),
]

PRIVATE = [
    "ООО «Партия Еды»",
    "ООО «Яндекс»",
    "ПАО «Магнит»",
    "ООО «Вайлдберриз»",
    "АО «Тинькофф Банк»",
    "ПАО «Лукойл»",
    "ООО «Звезда»",
    "ИП Иванова Анна Сергеевна",
    "Yandex LLC",
    "Комитет солдатских матерей России",
    "Комитет солдатских матерей Ставропольского края",
    "Правозащитный центр «Мемориал»",
    "Фонд борьбы с коррупцией",
    "Новая газета",
    "Телеканал Дождь",
    "Сбербанк",
    "Магазин «Пятёрочка»",
]


@pytest.mark.parametrize(("name", "kind"), REAL_BODIES)
def test_real_bodies_classify(name, kind):
    assert classify_body(name).kind == kind


@pytest.mark.parametrize("name", PRIVATE)
def test_private_and_independent_organisations_do_not_classify(name):
    assert classify_body(name).kind is None


def test_the_table_is_large_and_covers_every_kind():
    assert len(REAL_BODIES) >= 80
    assert {k for _, k in REAL_BODIES} >= {
        "legislature",
        "government",
        "court",
        "state_institution",
        "state_company",
        "state_media",
        "movement",
        "party",
    }


@pytest.mark.parametrize(
    ("name", "ruling"),
    [
        ("Всероссийская политическая партия «Единая Россия»", True),
        ("Местное отделение партии «Единая Россия» района Отрадное", True),
        ("Коммунистическая партия Российской Федерации", False),
        ("ЛДПР", False),
    ],
)
def test_ruling_party_is_named(name, ruling):
    assert classify_body(name).ruling_party is ruling


def test_topics_decide_when_the_name_does_not():
    assert classify_body("АО «Почта России»").kind is None
    assert classify_body("АО «Почта России»", ("gov.soe",)).kind == "state_company"
    assert classify_body("Some Agency", ("gov.executive",)).kind == "government"
    assert classify_body("Some Party", ("pol.party",)).kind == "party"
    assert classify_body("ООО «Ромашка»", ("gov.soe",)).kind == "state_company"


def test_homoglyphs_and_case_do_not_hide_a_body():
    assert classify_body("АДМИНИСТРАЦИЯ КАА-ХЕМСКОГО РАЙОНА").kind == "government"
    assert classify_body("Aдминистрация города").kind == "government"  # Latin A
    assert classify_body("").kind is None
    assert classify_body(None).kind is None


_WORDS = ["совет", "депутатов", "россия", "россия-1", "гбу", "ооо", "№", "суд", "партия", "24", "1", "rt", "«почта»"]


@given(st.lists(st.sampled_from(_WORDS) | st.integers(0, 400).map(str), max_size=6), st.sampled_from([(), ("gov",)]))
def test_numbers_share_a_classification_only_where_they_change_nothing(
    words: list[str], topics: tuple[str, ...]
) -> None:
    name = " ".join(words)
    assert classify_body(name, topics) == _classify_text.__wrapped__(_fold(name), topics)


def test_only_the_numbered_words_read_digits() -> None:
    patterns = [p for p, _kind, _reason in _BY_NAME] + [_PRIVATE_FORM, _STATE_FORM, _YOUTH_WING, _RULING, _PARTY]
    with_digits = {alt for p in patterns for alt in p.pattern.split("|") if any(c.isdigit() for c in alt)}
    assert with_digits == set(_NUMBERED)
    assert not any(mark in p.pattern for p in patterns for mark in (r"\d", r"\D", r"\W", "[^", "{", "."))


@given(
    st.lists(
        st.sampled_from(["№", "No", "«", "»", " ", "-", "\u0308", "\u200b", "é", "Ё", "a", "A"])
        | st.sampled_from(["Администрация", "района", "ГБУ", "школа", "Шигинa", "1", "24"]),
        max_size=8,
    )
)
def test_a_numero_sign_folds_as_fold_text_folds_it(parts: list[str]) -> None:
    # _fold spells "№" as NFKC does before folding, to keep to fold_text's fast path
    name = "".join(parts)
    text = fold_text.__wrapped__(name)
    for mark in '«»"“”„()':
        text = text.replace(mark, " ")
    assert _fold(name) == " ".join(text.split())
