# Sourced by CLI cases: a workspace of 3,000 English articles with an Arabic
# translation each that records no revision yet, their stamps old enough to
# be trusted, and their ids in ./ids.
edsync init --editions ar >/dev/null
seq 3000 | awk '{ en = "editions/en/a" $1 ".md"; ar = "editions/ar/a" $1 ".md"
  printf "---\ntitle: Article %d\n---\n\nThe camp held %d people. Most were Iranian.\n", $1, $1 > en; close(en)
  printf "---\ntitle: مقال %d\n---\n\nكان في المخيم %d شخص.\n", $1, $1 > ar; close(ar) }'
touch -d '1 minute ago' editions/*/*.md
seq 3000 | sed 's/^/a/' > ids
