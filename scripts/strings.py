#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files (Swedish default, English).

    scripts/strings.py add Key "svensk text" "English text"
    scripts/strings.py add-tsv file.tsv        # lines: key<TAB>sv<TAB>en
    scripts/strings.py check                    # every key in both files, no empty values

Keeps the .resx files sorted by key so merges stay small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "Tillit.Web" / "Resources"
FILES = {"sv": ROOT / "SharedResource.resx", "en": ROOT / "SharedResource.en.resx"}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    tree = ET.parse(path)
    return {d.get("name"): (d.findtext("value") or "") for d in tree.getroot().findall("data")}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path, entries):
    out = [HEADER]
    for key in sorted(entries, key=str.lower):
        out.append(f'  <data name="{esc(key)}" xml:space="preserve"><value>{esc(entries[key])}</value></data>\n')
    out.append("</root>\n")
    path.write_text("".join(out), encoding="utf-8")


def main(argv):
    data = {lang: load(p) for lang, p in FILES.items()}
    if not argv:
        print(__doc__)
        return 2
    cmd = argv[0]
    if cmd == "add" and len(argv) == 4:
        data["sv"][argv[1]] = argv[2]
        data["en"][argv[1]] = argv[3]
    elif cmd == "add-tsv" and len(argv) == 2:
        for n, line in enumerate(Path(argv[1]).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print(f"line {n}: expected key<TAB>sv<TAB>en", file=sys.stderr)
                return 1
            data["sv"][parts[0]] = parts[1]
            data["en"][parts[0]] = parts[2]
    elif cmd == "check":
        bad = sorted(set(data["sv"]) ^ set(data["en"]))
        empty = [k for lang in data for k, v in data[lang].items() if not v.strip()]
        for k in bad:
            print(f"missing in one language: {k}")
        for k in empty:
            print(f"empty: {k}")
        return 1 if bad or empty else 0
    else:
        print(__doc__)
        return 2
    for lang, p in FILES.items():
        save(p, data[lang])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
