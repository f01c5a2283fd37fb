"""Writes analyst-queries.csv: analyst-style queries against the OFAC SDN list of July 2021, chosen by fixed rules.

Usage: python3 make_analyst_queries.py ../../../../shared/data/ofac/2021-07_sdn_list > analyst-queries.csv

Every row is: query, expected ent_num(s) (space-separated; empty for a negative), kind, rule. A query is "found" when one of
its expected entries alerts (Review or Block); a negative must not alert. The rules read the list only; they never ask the
screening engine, so the file measures the engine rather than describing it.

- full:           the primary name as listed, every 450th entry in file order.
- partial:        a rare, distinctive part of a listed name, three rules:
                  surname    an individual's compound surname (the part before the comma, two or more words of three or more
                             letters) or single surname of six or more letters, when that word sequence starts or is the
                             surname part of the names of at most 3 entries; every k-th such individual;
                  org-word   the longest word (six or more letters, not a legal form) of an organisation's primary name of two to five words,
                             two or more of them not legal forms,
                             that occurs in the names of at most 3 entries; every k-th such organisation;
                  named      the examples of the issue: ARELLANO FELIX, MASKAN, SHINRIKYO.
                  The expected entries are every entry whose names hold that word sequence.
- nickname:       a remarks a.k.a. of the form 'EL X' / 'LA X' (X one word of five or more letters, in the names of at most 3
                  entries), queried as X without its article; and the alias "ZAMBADA, El Mayo" queried as "El Mayo" and "Mayo".
- aka-remarks:    a name quoted in the remarks (a.k.a. 'ETA') of an organisation, every k-th, queried as written.
- typo:           the primary name with one letter of its longest word replaced by the next letter of the alphabet (the middle
                  letter), every 450th entry from the 200th.
- negative:       common words and names that must not alert: BANK, GOLD, TRADING, GARCIA, MOHAMMED, and the 25 words of three or
                  more letters found in the names of most entries, and the (at most 10) single-word surnames most frequent among
                  individuals, held by 20 or more of them, unless the word alone is a listed name.
"""
import collections
import csv
import re
import sys

# Legal-form words are never the distinctive word of a name.
LEGAL_FORM_WORDS = {'company', 'corporation', 'incorporated', 'limited', 'sociedad', 'anonima', 'compania', 'limitada', 'co', 'corp',
                    'inc', 'ltd', 'ltda', 'llc', 'sa', 'sas', 'sarl', 'srl', 'oao', 'ooo', 'zao', 'jsc', 'cjsc', 'ojsc', 'pjsc', 'gmbh',
                    'ag', 'bv', 'cv', 'de', 'fze', 'plc', 'pvt', 'pte', 'bhd', 'sdn', 'est', 'spa', 'ca'}

folder = sys.argv[1].rstrip('/') + '/'
entries = {}   # ent_num -> (type, primary, [names])
remarks_names = []  # (ent_num, type, quoted name)
for row in csv.reader(open(folder + 'sdn.csv', encoding='utf-8', errors='replace')):
    if len(row) < 12:
        continue
    ent, name, typ, rem = row[0], row[1], row[2].strip(), row[11]
    entries[ent] = (typ, name, [name])
    for m in re.finditer(r"[afn]\.k\.a\. '(.*?)'(?=;|\.$|$)", rem):
        entries[ent][2].append(m.group(1))
        remarks_names.append((ent, typ, m.group(1)))
for row in csv.reader(open(folder + 'alt.csv', encoding='utf-8', errors='replace')):
    if len(row) >= 4 and row[0] in entries:
        entries[row[0]][2].append(row[3])


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))


def holders(phrase):
    """Entries with a name holding the word sequence."""
    p = ' ' + ' '.join(words(phrase)) + ' '
    return sorted((e for e, (_, _, names) in entries.items() if any(p in ' ' + ' '.join(words(n)) + ' ' for n in names)), key=int)


def surname_holders(phrase):
    p = words(phrase)
    found = []
    for e, (_, _, names) in entries.items():
        for n in names:
            if ',' in n and words(n.split(',')[0])[:len(p)] == p:
                found.append(e)
                break
    return sorted(found, key=int)


def every(items, count):
    step = max(1, len(items) // count)
    return items[::step][:count]


rows = []
order = list(entries)
for i, e in enumerate(order):
    if i % 450 == 0:
        rows.append((entries[e][1], e, 'full', 'every 450th entry'))

surnames = []
for e in order:
    typ, name, _ = entries[e]
    if typ != 'individual' or ',' not in name:
        continue
    sur = words(name.split(',')[0])
    if not ((len(sur) >= 2 and all(len(w) >= 3 for w in sur)) or (len(sur) == 1 and len(sur[0]) >= 6)):
        continue
    found = surname_holders(' '.join(sur))
    if len(found) <= 3:
        surnames.append((name.split(',')[0].strip(), ' '.join(found)))
seen = set()
for q, exp in every(surnames, 30):
    if q not in seen:
        seen.add(q)
        rows.append((q, exp, 'partial', 'surname'))

orgs = []
for e in order:
    typ, name, _ = entries[e]
    ws = words(name)
    if typ not in ('', '-0-') or not 2 <= len(ws) <= 5 or len([w for w in ws if w not in LEGAL_FORM_WORDS]) < 2:
        continue
    longest = max(ws, key=len)
    if len(longest) < 6 or not longest.isalpha() or longest in LEGAL_FORM_WORDS:
        continue
    found = holders(longest)
    if len(found) <= 3:
        orgs.append((longest.upper(), ' '.join(found)))
for q, exp in every(orgs, 30):
    rows.append((q, exp, 'partial', 'org-word'))

for q in ['ARELLANO FELIX', 'MASKAN', 'SHINRIKYO']:
    rows.append((q, ' '.join(holders(q)), 'partial', 'named'))

nick = []
for e, typ, n in remarks_names:
    m = re.fullmatch(r"(EL|LA) ([A-Z]{5,})", n)
    if m and len(holders(m.group(2))) <= 3:
        nick.append((m.group(2), ' '.join(holders(m.group(2)))))
for q, exp in every(sorted(set(nick)), 20):
    rows.append((q, exp, 'nickname', 'remarks a.k.a. EL/LA X, without the article'))
rows.append(('El Mayo', ' '.join(holders('el mayo')), 'nickname', 'alias ZAMBADA, El Mayo'))
rows.append(('Mayo', ' '.join(holders('el mayo')), 'nickname', 'alias ZAMBADA, El Mayo, without the article'))

akas = [(n, e) for e, typ, n in remarks_names if typ in ('', '-0-') and len(re.sub('[^A-Za-z]', '', n)) >= 3]
for n, e in every(akas, 25):
    rows.append((n, ' '.join(sorted(set([e] + holders(n)), key=int)), 'aka-remarks', 'organisation remarks a.k.a.'))
rows.append(('ETA', '4693', 'aka-remarks', 'named: a.k.a. ETA of EUZKADI TA ASKATASUNA'))

for i, e in enumerate(order):
    if i % 450 == 200:
        name = entries[e][1]
        longest = max(re.findall(r"[A-Za-z]+", name), key=len)
        at = name.index(longest) + len(longest) // 2
        c = name[at]
        repl = chr((ord(c.upper()) - ord('A') + 1) % 26 + ord('A'))
        repl = repl if c.isupper() else repl.lower()
        rows.append((name[:at] + repl + name[at + 1:], e, 'typo', 'every 450th entry from the 200th, middle letter of the longest word'))

listed = {' '.join(words(n)) for _, (_, _, names) in entries.items() for n in names}
df = collections.Counter()
for _, (_, _, names) in entries.items():
    df.update({w for n in names for w in words(n) if len(w) >= 3 and w.isalpha()})
negatives = ['BANK', 'GOLD', 'TRADING', 'GARCIA', 'MOHAMMED']
for w, _ in df.most_common():
    if len(negatives) >= 30:
        break
    if w not in listed and w.upper() not in negatives:
        negatives.append(w.upper())
for q in negatives:
    rows.append((q, '', 'negative', 'common word or name'))
surname_count = collections.Counter()
for _, (typ, name, _) in entries.items():
    if typ == 'individual' and ',' in name and len(words(name.split(',')[0])) == 1:
        surname_count[words(name.split(',')[0])[0]] += 1
common = [w.upper() for w, n in surname_count.most_common() if n >= 20 and w not in listed and w.upper() not in negatives and len(w) >= 3][:10]
for q in common:
    rows.append((q, '', 'negative', 'common surname'))

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['query', 'expected', 'kind', 'rule'])
for r in rows:
    out.writerow(r)
