#!/usr/bin/env bash
# Runs OmegaT 3.6 (Debian's omegat) headless on one XLIFF file with a TMX
# memory, the way a translator's project would, and leaves the translated file.
#   omegat_translate.sh XLIFF TMX LANG OUT [SOURCE_LANG]
# Exit: 0 done; 77 OmegaT is not installed (a ctest skips: SKIP_RETURN_CODE 77,
# scripts/bootstrap.sh --cat-tools installs it); 2 usage; 1 OmegaT failed.
#
# What OmegaT 3.6 needs and does (docs/cat-tools.md has the details):
# - a project folder: omegat.project, source/ (the files to translate),
#   target/ (where it writes them), tm/ (reference memories), tm/auto/
#   (memories whose exact matches fill the targets), glossary/, dictionary/,
#   omegat/ (its own project memory and statistics);
# - `omegat PROJECT --mode=console-translate --quiet` needs no display; it
#   also writes PROJECT-omegat.tmx, -level1.tmx and -level2.tmx into the
#   project folder (the project memory); --config-dir keeps it out of ~/.omegat;
# - its XLIFF filter reads XLIFF 1.2 only and translates the text of
#   <target>: a unit without a target or with an empty one is not offered;
# - the TMX header needs srclang (without it no unit is used); only exact
#   matches fill targets; inline codes must be OmegaT's own shortcuts as text.
set -uo pipefail
if [[ $# -lt 4 ]]; then
  echo "usage: omegat_translate.sh XLIFF TMX LANG OUT [SOURCE_LANG]" >&2
  exit 2
fi
xliff=$1 tmx=$2 lang=$3 out=$4 source_lang=${5:-en}
if ! command -v omegat >/dev/null; then
  echo "skipped: OmegaT is not installed (scripts/bootstrap.sh --cat-tools installs Debian's omegat)"
  exit 77
fi
for file in "$xliff" "$tmx"; do
  [[ -f "$file" ]] || { echo "omegat_translate.sh: $file: no such file" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat} "$work/config"
cp "$xliff" "$project/source/"
cp "$tmx" "$project/tm/auto/"
# __DEFAULT__ folders are the ones above; no sentence segmentation: each
# XLIFF unit is one segment, as edsync exports them.
cat >"$project/omegat.project" <<PROJECT
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>$source_lang</source_lang>
    <target_lang>$lang</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
PROJECT
# HOME too: Java keeps its preferences there.
if ! HOME="$work" timeout 600 omegat "$project" --mode=console-translate --quiet --no-team \
     --config-dir="$work/config" >"$work/omegat.log" 2>&1; then
  echo "omegat_translate.sh: OmegaT failed:" >&2
  tail -20 "$work/omegat.log" >&2
  exit 1
fi
translated="$project/target/$(basename "$xliff")"
if [[ ! -f "$translated" ]]; then
  echo "omegat_translate.sh: OmegaT wrote no $(basename "$xliff") into target/:" >&2
  tail -20 "$work/omegat.log" >&2
  exit 1
fi
cp "$translated" "$out"
