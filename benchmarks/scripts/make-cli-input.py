# Makes a supplier CSV of N rows (default 20,000) from the names on the OFAC SDN 2021-07 (with aliases), UN and UK lists,
# shuffled with a fixed seed, for timing `vendorscreen screen` end to end. Past the number of names the names come round
# again, each time with one letter changed (seeded), so that a long file (1,000,000 rows) is not the same names over and over.
# Usage: python3 make-cli-input.py DATA_ROOT OUTPUT.csv [ROWS]   (DATA_ROOT: ../shared/data)
import csv, random, re, sys
root = sys.argv[1]
rows_wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
names = []
with open(f'{root}/ofac/2021-07_sdn_list/sdn.csv', encoding='latin-1') as f:
    for row in csv.reader(f):
        if len(row) > 1: names.append(row[1].strip())
with open(f'{root}/ofac/2021-07_sdn_list/alt.csv', encoding='latin-1') as f:
    for row in csv.reader(f):
        if len(row) > 3: names.append(row[3].strip())
xml = open(f'{root}/un/2026-02-27_UN_consolidated.xml', encoding='utf-8').read()
for m in re.finditer(r'<FIRST_NAME>([^<]*)</FIRST_NAME>\s*(?:<SECOND_NAME>([^<]*)</SECOND_NAME>)?', xml):
    names.append(' '.join(p for p in m.groups() if p).strip())
with open(f'{root}/uk/2018-04-13_ofsi_ConList.csv', encoding='latin-1') as f:
    rows = list(csv.reader(f))[2:]
    for row in rows:
        if len(row) > 6: names.append(' '.join(p.strip() for p in row[1:6] + [row[0]] if p.strip()))
names = [n for n in names if n and n != '-0-']
rng = random.Random(20211)
rng.shuffle(names)
out = csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8'))
out.writerow(['id', 'name', 'country', 'as_of'])
letters = 'abcdefghijklmnopqrstuvwxyz'
def changed(name):
    spots = [k for k, ch in enumerate(name) if ch.isascii() and ch.isalpha()]
    if not spots:
        return name
    k = rng.choice(spots)
    new = rng.choice([x for x in letters if x != name[k].lower()])
    return name[:k] + (new.upper() if name[k].isupper() else new) + name[k + 1:]
for i in range(rows_wanted):
    name = names[i % len(names)]
    out.writerow([f'R{i:05d}', name if i < len(names) else changed(name), '', ''])
print(len(names), 'names')
