#!/usr/bin/env python3
"""Check /work/real/gold.json against meta.csv and articles/: every needle occurs
exactly once in its document, is 5-60 characters long, doc ids match meta.csv and
the files, stories match doc prefixes, series are in time order."""
import csv, json, os, sys
ROOT = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(ROOT, 'gold.json'), encoding='utf-8'))
meta = {r['doc_id']: r for r in csv.DictReader(open(os.path.join(ROOT, 'meta.csv'), encoding='utf-8'))}
files = {f[:-4] for f in os.listdir(os.path.join(ROOT, 'articles')) if f.endswith('.txt')}
errs = []
if set(meta) != files:
    errs.append(f'meta/files mismatch: {sorted(set(meta) ^ files)}')
story_docs = {}
for s in gold['stories']:
    for d in s['docs']:
        story_docs[d] = s['story']
        if d.split('_')[0] != s['story']:
            errs.append(f'{d}: prefix does not name story {s["story"]}')
if set(story_docs) != set(meta):
    errs.append(f'stories/meta mismatch: {sorted(set(story_docs) ^ set(meta))}')
text = {d: open(os.path.join(ROOT, 'articles', d + '.txt'), encoding='utf-8').read() for d in files}
def chk(where, side, story):
    doc, nd = side['doc'], side['needle']
    if doc not in text:
        errs.append(f'{where}: unknown doc {doc}'); return
    if story_docs.get(doc) != story:
        errs.append(f'{where}: {doc} not in story {story}')
    if not 5 <= len(nd) <= 60:
        errs.append(f'{where}: needle length {len(nd)}: {nd!r}')
    n = text[doc].count(nd)
    if n != 1:
        errs.append(f'{where}: needle occurs {n}x in {doc}: {nd!r}')
ids = set()
for kind in ('discrepancies', 'traps'):
    for e in gold[kind]:
        if e['id'] in ids: errs.append(f'duplicate id {e["id"]}')
        ids.add(e['id'])
        chk(e['id'] + '.a', e['a'], e['story']); chk(e['id'] + '.b', e['b'], e['story'])
        if e['a'] == e['b']: errs.append(f'{e["id"]}: a == b')
pairs = lambda e: frozenset([(e['a']['doc'], e['a']['needle']), (e['b']['doc'], e['b']['needle'])])
dp = {pairs(e): e['id'] for e in gold['discrepancies']}
for e in gold['traps']:
    if pairs(e) in dp: errs.append(f'{e["id"]} is also discrepancy {dp[pairs(e)]}')
for s in gold.get('series', []):
    prev = ''
    for i, p in enumerate(s['points']):
        chk(f'series {s["story"]}/{s["what"]}[{i}]', p, s['story'])
        if p['published'] != meta[p['doc']]['published']:
            errs.append(f'series point {p["doc"]}: published {p["published"]} != meta {meta[p["doc"]]["published"]}')
        if p['published'] < prev: errs.append(f'series {s["what"]}: not in time order at {p["doc"]}')
        prev = p['published']
for e in errs: print('ERROR', e)
print(f'{len(meta)} docs, {len(gold["discrepancies"])} discrepancies, {len(gold["traps"])} traps, '
      f'{len(gold.get("series", []))} series: {"OK" if not errs else str(len(errs)) + " errors"}')
sys.exit(1 if errs else 0)
