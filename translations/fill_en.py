#!/usr/bin/env python3
"""Fills the plural forms of translations/jifen_en.ts (after `--target update_translations`).
English is the source text, so only strings that count something (tr() with %n) need an entry:
their singular and plural. Every other message stays empty, and the source text is shown."""
import html
import re
import sys


def forms(source):
    """The singular and plural of a source with "(s)" markers, e.g. "%n point(s)"."""
    special = {
        "%n entries not yet at HQ, last sync %1": ("%n entry not yet at HQ, last sync %1",
                                                    "%n entries not yet at HQ, last sync %1"),
    }
    if source in special:
        return special[source]
    if "(s)" not in source:
        return None
    return source.replace("(s)", ""), source.replace("(s)", "s")


path = sys.argv[1] if len(sys.argv) > 1 else "translations/jifen_en.ts"
text = open(path, encoding="utf-8").read()
missing = []


def fill(m):
    attrs, source = m.group(1), m.group(2)
    if 'numerus="yes"' not in attrs:
        return m.group(0)
    pair = forms(html.unescape(source))
    if pair is None:
        missing.append(html.unescape(source))
        return m.group(0)
    one, other = (html.escape(f, quote=False) for f in pair)
    return ('<message%s>\n        <source>%s</source>\n        <translation>\n'
            '            <numerusform>%s</numerusform>\n            <numerusform>%s</numerusform>\n'
            '        </translation>' % (attrs, source, one, other))


text = re.sub(r'<message([^>]*)>\s*<source>(.*?)</source>\s*(<translation[^>]*>.*?</translation>|<translation[^>]*/>)',
              fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
for k in missing:
    print("no plural forms:", k)
sys.exit(1 if missing else 0)
