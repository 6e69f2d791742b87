#!/usr/bin/env python3
"""Generate a long, deterministic wire-copy-like draft for the LSP latency
benchmark: blank-line separated paragraphs with datelines, people introduced
by full name and title and then by surname, attributed and unattributed
quotes, and no repeated paragraphs. Synthetic text only (no corpus text).

    python3 benches/gen_wire_copy.py --bytes 1000000 > long.txt
"""
import argparse
import random

GIVEN = ["Maria", "Tomas", "Aiko", "Samuel", "Leila", "Pieter", "Grace", "Omar", "Ines", "Viktor",
         "Nadia", "Hugo", "Chen", "Amara", "Felix", "Rosa", "Kwame", "Elena", "Jonas", "Priya"]
SURNAMES = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Takeda", "Novak", "Castillo", "Brennan",
            "Kowalczyk", "Mensah", "Ferreira", "Abadi", "Larsen", "Quispe", "Demir", "Iyer",
            "Walsh", "Sato", "Petrov", "Nakamura", "Oyelaran", "Fontaine", "Vargas", "Holm"]
TITLES = ["Finance Minister", "Mayor", "Governor", "Senator", "Chief Executive", "Police Chief",
          "Health Minister", "Judge", "Ambassador", "Trade Secretary"]
PLACES = ["the northern port", "the capital", "the river delta", "the coastal province",
          "the industrial suburbs", "the border crossing", "the old town", "the mountain district"]
NOUNS = ["budget", "harbour", "railway", "vaccine programme", "grain shipment", "water supply",
         "tax reform", "election", "housing plan", "fishing quota", "power grid", "school year",
         "bridge", "trade deal", "pension fund", "court ruling", "ceasefire", "airport", "factory"]
VERBS = ["approved", "delayed", "rejected", "expanded", "reviewed", "cut", "funded", "suspended",
         "announced", "criticised", "defended", "questioned"]
ADJ = ["new", "disputed", "long-awaited", "costly", "regional", "temporary", "emergency",
       "record", "revised", "controversial"]
SPEECH = ["said", "told reporters", "said in a statement", "added", "told a news conference"]
CITIES = ["LISBON", "NAIROBI", "OSLO", "LIMA", "HANOI", "ACCRA", "QUITO", "TALLINN"]


def clause(rng):
    n = rng.choice(NOUNS)
    return (f"the {rng.choice(ADJ)} {n} for {rng.choice(PLACES)} would be {rng.choice(VERBS)} "
            f"by {rng.randint(2, 40)} percent before {rng.choice(['March', 'June', 'October', 'the end of the year'])}")


def quote_text(rng):
    # A number early in every quote keeps five-word runs from recurring by
    # chance, so the document has few repeated quotes, like real copy.
    subject = rng.choice(["We", "They", "Nobody", "Everyone", "Farmers", "Nurses", "Drivers", "I"])
    verb = rng.choice(["cannot afford", "have waited", "will not accept", "fought for", "lost", "need",
                       "were promised", "counted"])
    return (f"{subject} {verb} {rng.randint(2, 9999)} {rng.choice(['more', 'fewer', 'extra', 'lost'])} "
            f"{rng.choice(['days', 'jobs', 'beds', 'homes', 'trains', 'tonnes', 'permits'])} "
            f"{rng.choice(['for', 'since', 'under', 'after'])} the {rng.choice(ADJ)} {rng.choice(NOUNS)}")


def story(rng, index):
    people = []
    for _ in range(rng.randint(2, 4)):
        people.append((rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(TITLES)))
    paras = []
    g, s, t = people[0]
    paras.append(f"{rng.choice(CITIES)}, {rng.choice(['Nov', 'Dec', 'Jan'])} {rng.randint(1, 28)} (Wire) - "
                 f"{t} {g} {s} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that {clause(rng)}, "
                 f"in story number {index}.")
    for i in range(rng.randint(6, 12)):
        g, s, t = rng.choice(people)
        kind = rng.random()
        if kind < 0.35:
            paras.append(f"\"{quote_text(rng)}. {quote_text(rng)},\" {s} {rng.choice(SPEECH)}.")
        elif kind < 0.37:
            paras.append(f"\"{quote_text(rng)}.\"")
        elif kind < 0.6:
            paras.append(f"{t} {g} {s} {rng.choice(SPEECH)}: \"{quote_text(rng)}.\"")
        else:
            paras.append(f"{s} also said {clause(rng)}, while officials in {rng.choice(PLACES)} "
                         f"expected {rng.randint(100, 9000)} people to attend paragraph {index}.{i}.")
    paras.append("(Reporting by " + " ".join(rng.choice(GIVEN) + " " + rng.choice(SURNAMES) for _ in range(1)) + ")")
    return paras


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bytes", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out, size, n = [], 0, 0
    while size < args.bytes:
        n += 1
        for p in story(rng, n):
            out.append(p)
            size += len(p.encode()) + 2
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
