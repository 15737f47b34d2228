#!/usr/bin/env bash
# Makes, in the current folder, a workspace with a short git history for the
# report's tests: articles added, translated, edited, translated again.
# Commits carry fixed names and dates, so their hashes are the same every run.
#   EDSYNC=path/to/edsync report_workspace.sh
set -euo pipefail
: "${EDSYNC:?set EDSYNC to the edsync binary}"
export GIT_AUTHOR_NAME=Desk GIT_AUTHOR_EMAIL=desk@example.org GIT_COMMITTER_NAME=Desk GIT_COMMITTER_EMAIL=desk@example.org
commit() {  # day message
  export GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z"
  git add -A && git commit -qm "$2"
}
article() {  # path title date body
  printf -- '---\ntitle: '"'"'%s'"'"'\ndate: %s\n---\n\n%s\n' "$2" "$3" "$4" >"$1"
}
git init -q -b main
# What edsync keeps under .edsync/ (the article cache) is not history; init
# would put it in .gitignore, which would change the commits' hashes here.
echo .edsync/ >>.git/info/exclude
mkdir -p editions/en editions/ar editions/fa editions/sq tm
cat >edsync.yaml <<'YAML'
source: en
editions:
  ar:
    since: 2013-09-01
  fa:
    since: 2013-09-01
  sq:
    required: false
check:
  grace_days: 3
  fail_on: [missing, stale, untracked, orphan, invalid]
YAML
article editions/en/raid.md "Police raid the camp" 2013-09-08 "Police entered the camp on Sunday. Three people were hurt."
article editions/en/escaped.md 'A <script>alert("x")</script> title' 2013-09-08 "The title holds markup."
article editions/en/archive.md "An older story" 2013-01-01 "Before the editions started."
commit 2013-09-08 "English: raid, escaped, archive"

article editions/ar/raid.md "الشرطة تداهم المخيم" 2013-09-08 "دخلت الشرطة المخيم يوم الأحد. أصيب ثلاثة أشخاص."
article editions/fa/raid.md "پلیس به اردوگاه یورش برد" 2013-09-08 "پلیس روز یکشنبه وارد اردوگاه شد. سه نفر زخمی شدند."
article editions/ar/escaped.md 'عنوان فيه <b>Camp Ashraf</b> 2013' 2013-09-08 "العنوان فيه وسوم."
"$EDSYNC" mark-synced ar raid >/dev/null
"$EDSYNC" mark-synced fa raid >/dev/null
"$EDSYNC" mark-synced ar escaped >/dev/null
# The Persian raid's sentences as the aligner pairs them, with the English revision they were aligned with.
fa_revision=$(sed -n 's/^source_revision: //p' editions/fa/raid.md)
fa_pair() {  # English Persian
  printf '<tu><prop type="x-edsync-origin">aligned</prop><prop type="x-edsync-article">raid</prop><prop type="x-edsync-revision">%s</prop>' "$fa_revision"
  printf '<prop type="x-edsync-edition">fa</prop><tuv xml:lang="en"><seg>%s</seg></tuv><tuv xml:lang="fa"><seg>%s</seg></tuv></tu>\n' "$1" "$2"
}
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="edsync" creationtoolversion="0.1.0" segtype="sentence" o-tmf="edsync" adminlang="en" srclang="en" datatype="plaintext"/><body>\n'
  fa_pair "Police entered the camp on Sunday." "پلیس روز یکشنبه وارد اردوگاه شد."
  fa_pair "Three people were hurt." "سه نفر زخمی شدند."
  printf '</body></tmx>\n'
} >tm/fa.tmx
commit 2013-09-09 "Arabic and Persian: raid; Arabic: escaped"

article editions/en/raid.md "Police raid the camp" 2013-09-08 "Police entered the camp on Sunday. Five people were hurt. Reporters were kept out."
article editions/en/talks.md "Talks begin" 2013-09-11 "Talks began in Baghdad."
commit 2013-09-11 "English: raid updated, talks"

article editions/ar/raid.md "الشرطة تداهم المخيم" 2013-09-08 "دخلت الشرطة المخيم يوم الأحد. أصيب خمسة أشخاص. منع الصحفيون من الدخول."
article editions/ar/talks.md "بدء المحادثات" 2013-09-11 "بدأت المحادثات في بغداد."
"$EDSYNC" mark-synced ar raid >/dev/null
"$EDSYNC" mark-synced ar talks >/dev/null
cat >tm/ar.tmx <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="edsync" creationtoolversion="0.1.0" segtype="sentence" o-tmf="edsync" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Talks began in Baghdad.</seg></tuv><tuv xml:lang="ar"><seg>بدأت المحادثات في بغداد.</seg></tuv></tu>
</body></tmx>
TMX
commit 2013-09-13 "Arabic: raid again, talks"
