"""Web app latency and throughput on a large generated record.

    .venv/bin/python bench/web.py                    # 10,000 documents, 200 requests a page
    .venv/bin/python bench/web.py --docs 2000 --requests 50 --duration 5

1. Builds (or reuses, with --db) a SQLite file of generated documents: short Russian
   reports from templates, each naming one or two of a few thousand people, an NGO, a
   city, a country and a criminal-code article, with their mentions (character offsets),
   facts with evidence sentences, aliases in both scripts and the search index, written
   straight to the tables (the extraction pipeline is measured by bench/ingest.py; this
   measures the web app on a record of realistic shape and size).
2. Serves the app with uvicorn in a separate process on a free loopback port.
3. Latency: one client, keep-alive, N requests per page (document, entity, search) after a
   warm-up; prints p50/p95/max.
4. Throughput: 20 concurrent clients for a fixed time over the same mix; prints requests
   per second and p50/p95 under load.

Goal: p95 under 100 ms for the document and entity pages, under 200 ms for search.
Only 127.0.0.1 is contacted; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, insert, select

REPO = Path(__file__).resolve().parent.parent

FIRST_NAMES = (
    "Марат Ержан Данияр Нурлан Асхат Темирлан Бахтияр Жанболат Серик Дархан Азамат Тимур "
    "Руслан Алишер Бекзод Фаррух Улугбек Шухрат Рустам Эльдар Канат Арман Ерлан Айбек Болат "
    "Нуржан Самат Максат Талгат Бауыржан Мурат Арслан Ильяс Аслан Жандос Олжас Галым Адиль "
    "Кайрат Бекболат"
).split()
SURNAME_ROOTS = (
    "Жыланба Елшиба Ахмедья Кадыр Садык Турсун Исмаил Бекмурат Нурмаганбет Аманкул Абдулла "
    "Рахим Юсуп Каримб Тохтар Мамыт Осмон Жумаб Сатыб Калие Мукан Ермек Байтур Кенже Тулеп "
    "Шарип Омар Даулет Жакып Ибраим Сейтказ Нурпеис Амир Ергали Алимж Хамид Сарсен Бекта "
    "Кудайберг Назарб Жексеб Айтмамб Досмамб Култа Мырза Токтог Асанб Болотб Эшмат Худойберд "
    "Рустамб Сафарб Давлатб Холмурод Шерали Файзулл Ахмадж Бобож Норматб Ташмухамед"
).split()
ORGANIZATIONS = [
    ("Международное партнёрство за права человека", "IPHR"),
    ("Норвежский Хельсинкский комитет", "NHC"),
    ("Freedom Now", None),
    ("Human Rights Watch", "HRW"),
    ("Amnesty International", None),
    ("Комитет защиты журналистов", "CPJ"),
    ("Казахстанское международное бюро по правам человека", "КМБПЧ"),
    ("Civil Rights Defenders", None),
    ("Международная федерация за права человека", "FIDH"),
    ("Всемирная организация против пыток", "OMCT"),
]
COUNTRIES = [
    ("KZ", "Казахстан", "Казахстана", "Kazakhstan", "УК РК", "KZ-CC-2014"),
    ("KG", "Кыргызстан", "Кыргызстана", "Kyrgyzstan", "УК КР", "KG-CC-2021"),
    ("TJ", "Таджикистан", "Таджикистана", "Tajikistan", "УК РТ", "TJ-CC-1998"),
    ("UZ", "Узбекистан", "Узбекистана", "Uzbekistan", "УК РУз", "UZ-CC-1994"),
    ("TM", "Туркменистан", "Туркменистана", "Turkmenistan", "УК Туркменистана", "TM-CC-2010"),
]
CITIES = {
    "KZ": [
        ("Алматы", "Алматы"),
        ("Астана", "Астане"),
        ("Шымкент", "Шымкенте"),
        ("Актау", "Актау"),
        ("Жанаозен", "Жанаозене"),
    ],
    "KG": [("Бишкек", "Бишкеке"), ("Ош", "Оше"), ("Джалал-Абад", "Джалал-Абаде")],
    "TJ": [("Душанбе", "Душанбе"), ("Хорог", "Хороге"), ("Худжанд", "Худжанде")],
    "UZ": [("Ташкент", "Ташкенте"), ("Нукус", "Нукусе"), ("Самарканд", "Самарканде")],
    "TM": [("Ашхабад", "Ашхабаде"), ("Туркменабат", "Туркменабате")],
}
ARTICLES = [
    ("174", "inciting_discord", "возбуждение розни"),
    ("274", "false_information", "распространение заведомо ложной информации"),
    ("405", "extremism", "участие в деятельности запрещённой организации"),
    ("179", "anti_constitutional", "призывы к насильственному изменению строя"),
    ("272", "mass_riots", "участие в массовых беспорядках"),
]
ROLES = [
    ("журналист", "journalist"),
    ("блогер", "blogger"),
    ("активист", "activist"),
    ("правозащитник", "human_rights_defender"),
    ("адвокат", "lawyer"),
]
TERMS = [
    (2, "двум"),
    (3, "трём"),
    (4, "четырём"),
    (5, "пяти"),
    (6, "шести"),
    (7, "семи"),
    (8, "восьми"),
    (10, "десяти"),
]
MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()


def short_id(prefix: str, *parts) -> str:
    import hashlib

    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"{prefix}_{digest[:16]}"


class Builder:
    """Writes a text piece by piece, remembering where the marked pieces are."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: list[tuple[str, int, int, str, str | None]] = []
        self.sentence_start = 0

    def add(self, text: str, mention: tuple[str, str | None] | None = None) -> None:
        if mention:
            type_, entity = mention
            self.mentions.append((type_, self.length, self.length + len(text), text, entity))
        self.parts.append(text)
        self.length += len(text)

    def start_sentence(self) -> None:
        self.sentence_start = self.length

    def sentence(self) -> tuple[int, int]:
        return self.sentence_start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def build_database(path: Path, n_docs: int, seed: int = 7) -> None:
    from pledgewatch.resolve import alias_key
    from pledgewatch.resolve.translit import cyr_to_lat
    from pledgewatch.store.db import open_store, session_scope
    from pledgewatch.store.models import (
        Alias,
        Document,
        Entity,
        Evidence,
        Fact,
        Mention,
        SearchText,
    )
    from pledgewatch.store.search import document_terms

    rng = random.Random(seed)
    engine = open_store(str(path))
    now = datetime.now(UTC)
    entities: list[dict] = []
    aliases: list[dict] = []

    def entity(type_, name, country=None, attributes=None, latin=None) -> str:
        id_ = short_id(type_[:3], type_, name)
        entities.append(
            {
                "id": id_,
                "type": type_,
                "name": name,
                "country": country,
                "attributes": attributes or {},
                "ref": None,
                "created_at": now,
            }
        )
        for alias in {name, latin} - {None}:
            aliases.append({"entity_id": id_, "name": alias, "key": alias_key(type_, alias)})
        return id_

    people = []
    for first in FIRST_NAMES:
        for root in SURNAME_ROOTS:
            suffix = "ов" if root[-1] in "бвгджзклмнпрстфхцчшщ" and rng.random() < 0.5 else "ев"
            surname = root + suffix
            country = rng.choice(COUNTRIES)[0]
            name = f"{first} {surname}"
            id_ = entity("person", name, country, latin=cyr_to_lat(name))
            people.append((id_, first, surname, country))
    orgs = [
        (entity("organization", name, None, {"acronym": acr} if acr else {}), name, acr)
        for name, acr in ORGANIZATIONS
    ]
    countries = {
        code: (entity("country", nom, code, latin=en), nom, gen)
        for code, nom, gen, en, _, _ in COUNTRIES
    }
    cities = {
        code: [
            (entity("location", nom, code, latin=cyr_to_lat(nom)), nom, prep) for nom, prep in items
        ]
        for code, items in CITIES.items()
    }
    laws = {}
    for code, _, _, en, short, code_id in COUNTRIES:
        for article, category, words in ARTICLES:
            name = f"Статья {article} {short}"
            laws[(code, article)] = (
                entity(
                    "legal_provision",
                    name,
                    code,
                    {"code": code_id, "article": article, "category": category},
                    latin=f"Article {article} of the Criminal Code of {en}",
                ),
                category,
                words,
                short,
            )

    documents, mentions, facts, evidence, terms = [], [], [], [], []
    start_day = datetime(2019, 1, 1, tzinfo=UTC)
    for i in range(n_docs):
        b = Builder()
        person_id, first, surname, code = rng.choice(people)
        role_ru, role = rng.choice(ROLES)
        city_id, city, city_prep = rng.choice(cities[code])
        country_id, country_nom, country_gen = countries[code]
        article, category, offence = rng.choice(ARTICLES)
        law_id, _, _, code_short = laws[(code, article)]
        org_id, org_name, _ = rng.choice(orgs)
        term, term_words = rng.choice(TERMS)
        day = start_day + timedelta(days=rng.randrange(0, 7 * 365))
        date_ru = f"{day.day} {MONTHS[day.month - 1]} {day.year} года"
        iso = day.date().isoformat()
        genitive = f"{first}а {surname}а"
        doc_facts = []

        b.add(f"{role_ru.capitalize()} {first} {surname} приговорён к {term} годам\n\n")
        b.start_sentence()
        b.add(city, ("location", city_id))
        b.add(", " + date_ru + ". ")
        b.start_sentence()
        b.add(
            f"Суд в {city_prep} приговорил {role_ru}а "
            if role_ru[-1] not in "кт"
            else f"Суд в {city_prep} приговорил "
        )
        b.add(f"{genitive}", ("person", person_id))
        b.add(f" к {term_words} годам лишения свободы по статье {article} ")
        b.add(code_short, ("legal_provision", law_id))
        b.add(f" ({offence}).")
        s, e = b.sentence()
        doc_facts.append(
            (
                "sentence",
                person_id,
                law_id,
                {"penalty": "imprisonment", "term_months": term * 12},
                iso,
                s,
                e,
            )
        )
        doc_facts.append(
            (
                "charge",
                person_id,
                law_id,
                {"category": category, "article": article, "code": code},
                iso,
                s,
                e,
            )
        )
        b.add(" ")
        b.start_sentence()
        b.add(f"{first} {surname}", ("person", person_id))
        b.add(f" — {role_ru}, он был задержан в {city_prep} за несколько месяцев до суда.")
        s, e = b.sentence()
        doc_facts.append(("role", person_id, None, {"role": role}, None, s, e))
        doc_facts.append(("detention", person_id, None, {"kind": "detention"}, None, s, e))
        b.add("\n\n")
        b.start_sentence()
        b.add(org_name, ("organization", org_id))
        b.add(" призвала власти ")
        b.add(country_gen, ("country", country_id))
        b.add(" освободить ")
        b.add(genitive, ("person", person_id))
        b.add(" и прекратить преследование за мирное выражение мнений.")
        s, e = b.sentence()
        doc_facts.append(
            ("demand", org_id, person_id, {"action": "release", "addressee": code}, None, s, e)
        )
        if rng.random() < 0.4:
            other_id, o_first, o_surname, _ = rng.choice(people)
            b.add(" ")
            b.start_sentence()
            b.add(f"По тому же делу ранее был осуждён {role_ru} ")
            b.add(f"{o_first} {o_surname}", ("person", other_id))
            b.add(".")
            s, e = b.sentence()
            doc_facts.append(("sentence", other_id, None, {"penalty": "imprisonment"}, None, s, e))
        if rng.random() < 0.15:
            b.add(" ")
            b.start_sentence()
            b.add(genitive, ("person", person_id))
            b.add(" освободили досрочно.")
            s, e = b.sentence()
            later = (day + timedelta(days=rng.randrange(60, 900))).date().isoformat()
            doc_facts.append(("release", person_id, None, {"kind": "early"}, later, s, e))
        b.add(f"\n\nМатериал №{i + 1}.\n")
        text = b.text
        sha = f"{i:064x}"
        doc_id = f"doc_{short_id('x', sha)[2:18]}"
        documents.append(
            {
                "id": doc_id,
                "source": f"generated/{i:05d}.txt",
                "title": text.split("\n", 1)[0],
                "language": "ru",
                "published": iso if rng.random() < 0.8 else None,
                "sha256": sha,
                "media_type": "text/plain",
                "text": text,
                "original": None,
                "ingested_at": now - timedelta(minutes=n_docs - i),
                "extractor_version": "bench",
            }
        )
        for type_, start, end, surface, ent in b.mentions:
            mentions.append(
                {
                    "document_id": doc_id,
                    "entity_id": ent,
                    "type": type_,
                    "start": start,
                    "end": end,
                    "text": surface,
                }
            )
        for type_, subject, obj, attributes, date, start, end in doc_facts:
            fact_id = short_id("fct", doc_id, type_, subject, obj, start)
            facts.append(
                {
                    "id": fact_id,
                    "type": type_,
                    "subject_id": subject,
                    "object_id": obj,
                    "attributes": attributes,
                    "date": date,
                    "status": "suggested",
                    "confidence": 0.8,
                    "spans": [],
                    "extractor": "bench",
                    "extractor_version": "bench",
                    "recorded_at": now,
                    "reviewed_by": None,
                    "reviewed_at": None,
                }
            )
            evidence.append(
                {
                    "fact_id": fact_id,
                    "document_id": doc_id,
                    "start": start,
                    "end": end,
                    "quote": text[start:end],
                }
            )
        terms.append({"document_id": doc_id, "terms": document_terms(text)})

    with session_scope(engine) as session:
        session.execute(insert(Entity), entities)
        session.execute(insert(Alias), aliases)
        for chunk in range(0, len(documents), 1000):
            session.execute(insert(Document), documents[chunk : chunk + 1000])
        for rows, table in (
            (mentions, Mention),
            (facts, Fact),
            (evidence, Evidence),
            (terms, SearchText),
        ):
            for chunk in range(0, len(rows), 5000):
                session.execute(insert(table), rows[chunk : chunk + 5000])
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def prepare_user(path: Path) -> str:
    from pledgewatch.auth import create_api_token, create_user, get_user
    from pledgewatch.store.db import open_store, session_scope

    with session_scope(open_store(str(path))) as session:
        user = get_user(session, "bench") or create_user(
            session, name="bench", password="bench-password-1", role="editor"
        )
        token, _ = create_api_token(session, user, "bench")
    return token


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PLEDGEWATCH_DATABASE_URL": str(path)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "pledgewatch.web.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def targets(path: Path, n: int, seed: int = 11) -> dict[str, list[str]]:
    """Random documents, people (half of them well known: in many documents) and search
    queries in the forms users type: nominative, inflected, Latin, words, with a facet."""
    from pledgewatch.resolve.translit import cyr_to_lat
    from pledgewatch.store.db import open_store, session_scope
    from pledgewatch.store.models import Document, Entity, Mention

    rng = random.Random(seed)
    with session_scope(open_store(str(path))) as session:
        docs = session.scalars(select(Document.id)).all()
        people = session.execute(
            select(Entity.id, Entity.name, func.count(Mention.id))
            .join(Mention, Mention.entity_id == Entity.id)
            .where(Entity.type == "person")
            .group_by(Entity.id, Entity.name)
            .order_by(func.count(Mention.id).desc())
        ).all()
    busiest = people[: max(1, len(people) // 20)]
    entity_ids = [rng.choice(busiest)[0] if i % 2 else rng.choice(people)[0] for i in range(n)]
    queries = []
    for i in range(n):
        _, name, _ = rng.choice(people)
        first, surname = name.split()
        kind = i % 5
        if kind == 0:
            queries.append(surname)
        elif kind == 1:
            queries.append(f"{first}а {surname}а")  # genitive
        elif kind == 2:
            queries.append(cyr_to_lat(name))
        elif kind == 3:
            queries.append(rng.choice(["приговор", "освободить", "экстремизм", "адвокат"]))
        else:
            queries.append(f"{surname}&country=KZ&fact_type=sentence")
    return {
        "document": [f"/documents/{rng.choice(docs)}" for _ in range(n)],
        "entity": [f"/entities/{e}" for e in entity_ids],
        "search": [f"/search?q={q}" for q in queries],
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def measure_latency(base: str, token: str, urls: dict[str, list[str]]) -> dict:
    results = {}
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as client:
        for page, paths in urls.items():
            for path in paths[:10]:  # warm-up
                client.get(path)
            times = []
            for path in paths:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: {response.status_code}")
            results[page] = {
                "requests": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 95), 1),
                "max_ms": round(max(times), 1),
            }
    return results


def measure_throughput(
    base: str, token: str, urls: dict[str, list[str]], clients: int, duration: float
) -> dict:
    mix = [path for paths in urls.values() for path in paths]
    times: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as client:
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    ok = client.get(rng.choice(mix)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    times.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 60)
    wall = time.monotonic() - started
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(times),
        "errors": errors,
        "requests_per_s": round(len(times) / wall, 1),
        "p50_ms": round(statistics.median(times), 1) if times else None,
        "p95_ms": round(percentile(times, 95), 1) if times else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="generated documents")
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse")
    parser.add_argument("--requests", type=int, default=200, help="requests per page type")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=15, help="seconds of load")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="pledgewatch-bench-web-"))
    path = args.db or folder / "web.sqlite"
    if not path.exists():
        started = time.perf_counter()
        build_database(path, args.docs)
        print(
            f"built {path} with {args.docs} documents in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    token = prepare_user(path)
    urls = targets(path, args.requests)
    port = free_port()
    server = start_server(path, port)
    try:
        base = f"http://127.0.0.1:{port}"
        latency = measure_latency(base, token, urls)
        load = measure_throughput(base, token, urls, args.clients, args.duration)
    finally:
        server.terminate()
        server.wait(10)
    from pledgewatch.store.db import open_store, session_scope
    from pledgewatch.store.models import Document, Entity, Fact

    with session_scope(open_store(str(path))) as session:
        sizes = {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in (("documents", Document), ("entities", Entity), ("facts", Fact))
        }
    report = {
        "database": sizes,
        "latency": latency,
        "load": load,
        "cpus": os.cpu_count(),
        "server": "uvicorn, 1 worker, SQLite (WAL)",
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"record: {sizes['documents']} documents, {sizes['entities']} entities, "
        f"{sizes['facts']} facts; {os.cpu_count()} CPUs; uvicorn, one worker, SQLite"
    )
    goals = {"document": 100, "entity": 100, "search": 200}
    print(f"{'page':10} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  goal p95")
    for page, row in latency.items():
        verdict = "ok" if row["p95_ms"] < goals[page] else "MISSED"
        print(
            f"{page:10} {row['requests']:8} {row['p50_ms']:8} {row['p95_ms']:8} "
            f"{row['max_ms']:8}  <{goals[page]} ms {verdict}"
        )
    print(
        f"load: {load['clients']} clients for {load['seconds']} s: {load['requests']} "
        f"requests, {load['requests_per_s']} requests/s, p50 {load['p50_ms']} ms, "
        f"p95 {load['p95_ms']} ms, {load['errors']} errors"
    )


if __name__ == "__main__":
    main()
