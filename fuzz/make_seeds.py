#!/usr/bin/env python3
"""Write fuzz/corpus_seed/: example articles and sidecars from the repository, and for the
html and anchor targets the same texts behind a few marks or anchors and an edit, laid out
as `arbitrary` reads the targets' inputs (see README.md). Run from anywhere."""
import os, struct
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, 'fuzz/corpus_seed')
def rd(p): return open(os.path.join(root, p), 'rb').read()
def w(target, name, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), 'wb').write(data)

ferry = rd('tests/fixtures/export/ferry.txt')
demo = rd('examples/demo.txt')
harbour = rd('examples/harbour-wire.txt')
clinic = rd('examples/clinic-waiting-times.txt')
lighthouse = rd('tests/fixtures/invalid/article.txt')
long = rd('examples/long-feature.txt')
long_head = long[:long.rfind(b'\n\n', 0, 4000)] + b'\n'

# article: files as the loader reads them
for name, data in [('ferry.txt', ferry), ('demo.txt', demo), ('harbour-wire.txt', harbour),
                   ('clinic-waiting-times.txt', clinic), ('lighthouse.txt', lighthouse),
                   ('long-feature-head.txt', long_head)]:
    w('article', name, data)
w('article', 'empty.txt', b'')
w('article', 'utf16le.txt', b'\xff\xfe' + 'Harbour vote\n'.encode('utf-16-le'))
w('article', 'utf16be.txt', b'\xfe\xff' + 'Harbour vote\n'.encode('utf-16-be'))
w('article', 'bom-crlf.txt', '\ufeffHarbour vote delayed\r\n\r\nPublished March 3, 2025\r\n\r\nThe council met. It said no.\r'.encode())
w('article', 'not-utf8.txt', b'The caf\xe9 opened. Its owner said so.\n')
w('article', 'binary.bin', b'PK\x03\x04\x14\x00\x00\x00\x08\x00abc')
w('article', 'controls.txt', b'\x01\x02\x03\x04\x05abc\x1b[2J')
w('article', 'datelines.txt', '''Council splits

3 Sept. 2024

Updated: 2026-11-02

Posted Feb 29, 2024 · By Zoë Ångström

2025-€03
'''.encode())
w('article', 'attributions.txt', '''"It was regrettable," said Berg. Berg told reporters that the vote was delayed.

According to the ministry, 1,200 meals were served, Mr. Okafor said on Tuesday. He added that U.S. officials "saw nothing."

Berg told.
'''.encode())

# sidecar: for ferry.txt
w('sidecar', 'ferry.toml', rd('tests/fixtures/export/ferry.txt.sidenote.toml'))
inv = 'tests/fixtures/invalid/sidecars'
for f in sorted(os.listdir(os.path.join(root, inv))):
    w('sidecar', 'invalid-' + f, rd(os.path.join(inv, f)))
w('sidecar', 'minimal.toml', b'format = "sidenote/1"\n\n[article]\nfile = "ferry.txt"\nfingerprint = "blake3:00"\noffsets = "chars"\n')
w('sidecar', 'moved-detached-rejected.toml', '''format = "sidenote/1"

[article]
file = "ferry.txt"
fingerprint = "blake3:00"
offsets = "chars"

[[annotation]]
id = "s1"
kind = "source"
start = 3
end = 31
quote = "Inês Carvalho-Müller"
prefix = " the company’s chief executive, "
suffix = ". “Fuel is now 61 percent of wha"

[[annotation]]
id = "s2"
kind = "source"
source_kind = "document"
description = "a phone call with the ministry"

[[annotation]]
id = "c1"
kind = "claim"
start = 230
end = 276
quote = "blaming a 38 % rise in fuel costs since January"
prefix = "mé–Príncipe route from April 1, "
sources = ["s1", "s2"]
verdict = "misleading"
note = "Ask for the invoices."
created = 2026-03-04T09:15:00Z

[[entity]]
id = "inês-carvalho-müller"
name = "Inês Carvalho-Müller"
type = "person"
aliases = ["Carvalho-Müller"]

[[entity]]
id = "filhos"
dismissed = true

[[rejected]]
kind = "claim"
start = 0
end = 8
quote = "São Tomé"
suffix = " ferry operator"
'''.encode())

# html: marks, then the article text (see fuzz_targets/html.rs for the layout)
def u16(n): return struct.pack('<H', n)
def mark(claim, start, end, place, sources=(), kind=None):
    b = bytes([1, int(claim)]) + u16(start) + u16(end) + bytes([place])
    for s in sources: b += bytes([1, s])
    b += bytes([0, 0, 0, 0, 0])  # end of sources; no verdict, note, description, entity
    b += bytes([1, kind]) if kind is not None else bytes([0])
    return b
def html(marks, text): return b''.join(marks) + b'\x00' + text
w('html', 'ferry-nested.bin', html([mark(True, 240, 300, 0, [2]), mark(False, 250, 270, 0, kind=1),
                                    mark(False, 0, 0, 2, kind=2), mark(True, 500, 800, 1)], ferry))
w('html', 'demo-overlapping.bin', html([mark(True, 0, 120, 0), mark(True, 60, 400, 0, [3]),
                                        mark(False, 100, 100, 0), mark(False, 390, 900, 0, kind=0)], demo))
w('html', 'markup.bin', html([mark(True, 0, 20, 0), mark(False, 10, 40, 0)],
                             b'<script>alert(1)</script>\n\n<a href="http://x">x</a> & \x01 "q" \'s\' <3\n'))
w('html', 'harbour-plain.bin', b'\x00' + harbour)

# anchor: ranges (start, length), edits, then the text; the last two bytes give the inserted text's length
def ranges(rs): return b''.join(bytes([1]) + u16(a) + u16(b) for a, b in rs) + b'\x00'
def anchor(rs, at, delete, insert, text):
    rest = insert + b'\x00' + text
    size = bytes([len(insert)]) if len(rest) + 1 <= 256 else u16(len(insert))[::-1]
    return ranges(rs) + bytes([1]) + u16(at) + bytes([delete]) + rest + size
w('anchor', 'ferry-insert.bin', anchor([(118, 28), (229, 46), (343, 20)], 100, 0, 'Zoë says '.encode(), ferry))
w('anchor', 'demo-replace.bin', anchor([(0, 40), (200, 60), (400, 20)], 210, 5, b'fixed', demo))
w('anchor', 'repeats-delete.bin', anchor([(0, 4), (5, 4), (4, 6)], 2, 6, b'', b'aaaa aaaa aaaa aaaa aa aaaa'))
w('anchor', 'harbour-plain.bin', b'\x00\x00' + harbour)

# extract: a byte choosing the format (even: HTML, odd: Markdown), then the file
w('extract', 'reservoir-levels.html', b'\x00' + rd('examples/reservoir-levels.html'))
w('extract', 'ferry-fares.md', b'\x01' + rd('examples/ferry-fares.md'))
w('extract', 'small.html', b'\x00<html><head><style>p{}</style></head><body><nav>Home</nav>'
  b'<article><h1>Vote &amp; delay</h1><p>A <b>bold</b> claim &mdash; 12%.</p>'
  b'<script>x()</script></article><footer>c</footer></body></html>')
w('extract', 'small.md', b'\x01---\ntitle: Vote\n---\n# Head\n\n> quote *a* [link](x)\n\n- item\n\n```\ncode\n```\n')
