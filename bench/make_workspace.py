#!/usr/bin/env python3
"""Generates a newsroom workspace for the scale benchmark (bench/scale.sh).

    bench/make_workspace.py [--edsync BINARY] [--seed N] ARTICLES DIR

DIR gets edsync.yaml, editions/{en,ar,fa,sq}/YYYY/<id>.md and a git history
of three commits:
  1. "English": every English article;
  2. "translations": 60% of the articles translated into each edition, with
     source_revision computed as edsync computes revisions (SHA-256 of the
     title and body with white space folded; the text is ASCII, so NFC
     changes nothing; `--mark-synced` runs `edsync mark-synced` instead, and
     both give the same bytes), 1% of the translations left untracked (no
     source_revision) and a few orphans (a translation with no English);
  3. "English edits": 5% of the English articles edited (a sentence
     changed, one added), so their translations are stale.
Everything is drawn from a fixed seed: the same N gives the same tree.
"""

import argparse
import hashlib
import os
import random
import subprocess
import sys

EDITIONS = ["ar", "fa", "sq"]
TRANSLATED_SHARE = 0.60
UNTRACKED_SHARE = 0.01
EDITED_SHARE = 0.05
ORPHANS_PER_EDITION = 5

ENGLISH_WORDS = (
    "the camp government minister officials said report week city police forces border "
    "refugees talks council election court rights united nations spokesman people village "
    "water aid agency army office families president parliament weapons protest market "
    "school hospital prices oil winter journalists statement region province town road"
).split()
SCRIPTS = {
    "ar": "المخيم الحكومة الوزير قال تقرير الأسبوع المدينة الشرطة الحدود اللاجئون المحادثات".split(),
    "fa": "اردوگاه دولت وزیر گفت گزارش هفته شهر پلیس مرز پناهندگان مذاکرات".split(),
    "sq": "kampi qeveria ministri tha raporti java qyteti policia kufiri refugjatët bisedimet".split(),
}


def sentence(rng, words):
    count = rng.randint(6, 18)
    text = " ".join(rng.choice(words) for _ in range(count))
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def body(rng, words, paragraphs=None):
    paragraphs = paragraphs or rng.randint(3, 7)
    return "\n\n".join(" ".join(sentence(rng, words) for _ in range(rng.randint(2, 5)))
                       for _ in range(paragraphs))


def article_path(root, lang, number):
    year = 2015 + number % 10
    return os.path.join(root, "editions", lang, str(year), "a%06d.md" % number)


def article_date(number):
    return "%04d-%02d-%02d" % (2015 + number % 10, 1 + number % 12, 1 + number % 28)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def english_text(rng, number):
    title = " ".join(rng.choice(ENGLISH_WORDS) for _ in range(rng.randint(4, 9))).capitalize()
    return ('---\ntitle: "%s"\ndate: %s\ncategory: world\nauthor: Desk %d\n---\n\n%s\n'
            % (title, article_date(number), number % 50, body(rng, ENGLISH_WORDS)))


def translation_text(rng, lang, number, source_revision=None):
    words = SCRIPTS[lang]
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7)))
    recorded = "source_revision: %s\n" % source_revision if source_revision else ""
    return '---\ntitle: "%s"\ndate: %s\n%s---\n\n%s\n' % (title, article_date(number), recorded, body(rng, words))


def revision_of(text):
    """edsync's revision of an English article as english_text writes it."""
    front, _, body_text = text[4:].partition("\n---\n")
    title = front.split("\n")[0][len('title: "'):-1]
    fold = lambda part: " ".join(part.split())
    return hashlib.sha256((fold(title) + "\n" + fold(body_text)).encode()).hexdigest()[:16]


def edited(rng, text):
    """The English text with its first sentence changed and one sentence added."""
    head, _, rest = text.partition("---\n\n")
    first_end = rest.find(". ")
    if first_end < 0:
        first_end = rest.find(".")
    changed = sentence(rng, ENGLISH_WORDS)[:-1] + rest[first_end:first_end + 1]
    return head + "---\n\n" + changed + rest[first_end + 1:].rstrip("\n") + " " + sentence(rng, ENGLISH_WORDS) + "\n"


def git(root, *args):
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
                   cwd=root, check=True, stdout=subprocess.DEVNULL)


def mark_synced(edsync, root, lang, ids):
    for start in range(0, len(ids), 5000):
        subprocess.run([edsync, "mark-synced", lang, *ids[start:start + 5000]], cwd=root, check=True,
                       stdout=subprocess.DEVNULL)


def generate(count, root, edsync, seed, use_mark_synced):
    rng = random.Random(seed)
    os.makedirs(root)
    write(os.path.join(root, "edsync.yaml"),
          "source: en\neditions:\n  ar:\n    since: 2015-01-01\n  fa: {}\n  sq:\n    required: false\n"
          "check:\n  grace_days: 7\n  fail_on: [missing, stale, untracked, orphan, invalid]\n")
    write(os.path.join(root, ".gitignore"), ".edsync/\n")
    english = {}
    for number in range(count):
        english[number] = english_text(rng, number)
        write(article_path(root, "en", number), english[number])
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "English")

    for lang in EDITIONS:
        tracked = []
        for number in range(count):
            if rng.random() >= TRANSLATED_SHARE:
                continue
            track = rng.random() >= UNTRACKED_SHARE
            recorded = revision_of(english[number]) if track and not use_mark_synced else None
            write(article_path(root, lang, number), translation_text(rng, lang, number, recorded))
            if track:
                tracked.append("a%06d" % number)
        for orphan in range(ORPHANS_PER_EDITION):
            write(article_path(root, lang, count + orphan), translation_text(rng, lang, count + orphan))
        if use_mark_synced:
            mark_synced(edsync, root, lang, tracked)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "translations")

    for number in range(count):
        if rng.random() < EDITED_SHARE:
            write(article_path(root, "en", number), edited(rng, english[number]))
    git(root, "commit", "-qam", "English edits")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=int)
    parser.add_argument("dir")
    parser.add_argument("--edsync", default=os.path.join(os.path.dirname(__file__), "..", "build", "edsync"))
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--mark-synced", action="store_true", help="record revisions with edsync mark-synced (slow)")
    args = parser.parse_args()
    if os.path.exists(args.dir):
        sys.exit("make_workspace.py: %s exists already; remove it or pick another folder" % args.dir)
    generate(args.articles, args.dir, os.path.abspath(args.edsync), args.seed, args.mark_synced)


if __name__ == "__main__":
    main()
