#!/usr/bin/env python3
"""Writes the AppStream metainfo: the template beside this script with the project's
addresses (packaging/project.env) and the release notes from CHANGELOG.md.

    packaging/linux/metainfo.py OUT.metainfo.xml

Each `## [x.y.z] - YYYY-MM-DD` heading of the changelog is a release; `## [Unreleased]` is
the version in Cargo.toml, as a development release dated by SOURCE_DATE_EPOCH or the
commit's date. A release's notes are the paragraph under its heading when there is one (the
words for users), else the first sentence of each bullet of Added, Changed and Fixed.
Python's standard library only, so it runs in CI, a Flatpak SDK and an AppImage build alike.
"""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TEMPLATE = HERE / "io.github.dutydesk.DutyDesk.metainfo.xml.in"
# At most this many items per section when notes come from the bullets.
MAX_ITEMS = 12


def project_env():
    env = {}
    for line in (ROOT / "packaging" / "project.env").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            env[key.strip()] = value.strip()
    # The environment overrides the file (a fork's CI).
    for key in ("PROJECT_URL", "RAW_URL"):
        if os.environ.get(key):
            env[key] = os.environ[key]
    return env


def cargo_version():
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    package = text.split("[package]", 1)[1]
    return re.search(r'^version\s*=\s*"([^"]+)"', package, re.M).group(1)


def build_date():
    if os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = int(os.environ["SOURCE_DATE_EPOCH"])
        return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date().isoformat()
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"],
            capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"},
        ).stdout.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", out):
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def plain(markdown):
    """Markdown of one sentence as plain, XML-escaped text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = text.replace("**", "").replace("`", "")
    # AppStream wants no bare addresses in descriptions.
    text = re.sub(r"https?://\S+", "", text)
    return escape(" ".join(text.split()))


def first_sentence(text):
    match = re.search(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def releases(changelog):
    """Each release: name, date (or None), summary paragraphs, {section: [bullets]}."""
    found = []
    current = None
    section = None
    for line in changelog.splitlines():
        heading = re.match(r"^## \[([^\]]+)\](?:\s*-\s*(\d{4}-\d{2}-\d{2}))?", line)
        if heading:
            current = {"name": heading.group(1), "date": heading.group(2),
                       "summary": [[]], "sections": {}}
            found.append(current)
            section = None
        elif current is None:
            continue
        elif re.match(r"^### \w+", line):
            section = line[4:].strip()
            current["sections"].setdefault(section, [])
        elif section is None:
            # The words under the heading: paragraphs split by blank lines.
            if line.strip():
                current["summary"][-1].append(line.strip())
            elif current["summary"][-1]:
                current["summary"].append([])
        elif line.startswith("- "):
            current["sections"][section].append(line[2:].strip())
        elif line.startswith("  ") and line.strip() and current["sections"][section]:
            current["sections"][section][-1] += " " + line.strip()
    for release in found:
        release["summary"] = [" ".join(p) for p in release["summary"] if p]
    return found


def release_xml(release, version, date, kind):
    out = [f'    <release version="{escape(version)}" date="{date}" type="{kind}">',
           "      <description>"]
    if release["summary"]:
        out += [f"        <p>{plain(p)}</p>" for p in release["summary"]]
    else:
        for name in ("Added", "Changed", "Fixed"):
            items = release["sections"].get(name, [])
            if not items:
                continue
            out.append(f"        <p>{name}:</p>")
            out.append("        <ul>")
            for item in items[:MAX_ITEMS]:
                out.append(f"          <li>{plain(first_sentence(item))}</li>")
            out.append("        </ul>")
    out += ["      </description>", "    </release>"]
    return "\n".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    env = project_env()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    parts = []
    for release in releases(changelog):
        if release["name"].lower() == "unreleased":
            parts.append(release_xml(release, cargo_version(), build_date(), "development"))
        else:
            if not release["date"]:
                sys.exit(f"CHANGELOG.md: release {release['name']} has no date")
            parts.append(release_xml(release, release["name"], release["date"], "stable"))
    text = TEMPLATE.read_text(encoding="utf-8")
    # The template's own comment says how it is filled; the output needs none.
    text = re.sub(r"<!--.*?-->\n", "", text, count=1, flags=re.S)
    text = (text.replace("@URL@", escape(env["PROJECT_URL"]))
                .replace("@RAW_URL@", escape(env["RAW_URL"]))
                .replace("@RELEASES@", "\n".join(parts)))
    Path(sys.argv[1]).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
