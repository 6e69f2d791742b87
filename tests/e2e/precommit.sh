#!/usr/bin/env bash
# The pre-commit hook manifest (.pre-commit-hooks.yaml) installs and runs
# from a clone of this repository, as a drafts repository would use it:
#
#   1. `pre-commit try-repo CLONE`: pre-commit builds copydesk with cargo
#      (its `rust` language) and runs every hook of the manifest on three
#      drafts: `copydesk` fails on the seed (three warnings) with its
#      findings and says nothing of a clean draft; `copydesk-fix` deletes an
#      exact repeat of a paragraph (a safe fix), and pre-commit reports the
#      file as modified.
#   2. The README's snippet, with its `repo:` pointed at the clone: its
#      `rev:` must be the release tag of the package's version (v0.1.0 for
#      0.1.0); when that tag exists in the clone, `pre-commit run` with the
#      snippet as written runs the hook. A missing tag is reported, loudly.
#
# Called by .ci/run, which installs pre-commit from PyPI; skipped with a
# message when `pre-commit` is not found. Env: PRE_COMMIT (the command,
# default `pre-commit`); PRECOMMIT_TAG_CLONE=v0.1.0 tags the test's clone
# (not this repository) to check the snippet before the release is tagged;
# CARGO_TARGET_DIR is honoured, so the hook's
# `cargo install` reuses dependencies already built there.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pre_commit=${PRE_COMMIT:-pre-commit}
if ! command -v "$pre_commit" >/dev/null; then
  echo "SKIPPED: pre-commit not found (pip install pre-commit); the hook manifest was not tested"
  exit 0
fi
echo "== $("$pre_commit" --version)"
started=$SECONDS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A cache of its own, so the hook really installs from the clone.
export PRE_COMMIT_HOME=$work/cache
target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir
export CARGO_TARGET_DIR=$target_dir
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org

# What is committed, tags included (uncommitted changes are not in it).
git clone --quiet "$repo" "$work/copydesk"
clone=$work/copydesk
if [[ -n ${PRECOMMIT_TAG_CLONE:-} ]]; then
  # Check the snippet before the release is tagged: tag the clone (only).
  git -C "$clone" tag "$PRECOMMIT_TAG_CLONE"
  echo "tagged the clone's HEAD $PRECOMMIT_TAG_CLONE (PRECOMMIT_TAG_CLONE)"
fi

mkdir "$work/drafts"
cd "$work/drafts"
git init --quiet
cp "$repo/seeds/blinken-rafah.txt" story.txt
clean='The council met on Monday and approved the budget for next year.'
printf '%s\n' "$clean" >clean.txt
para='The council met on Monday and voted to close the old library on Elm Street.'
printf '%s\nIt approved the budget.\n%s\n' "$para" "$para" >dup.txt
git add .

run() { # EXPECTED_STATUS LOG ARGS…: run pre-commit, check its exit status
  local expected=$1 log=$2
  shift 2
  local status=0
  "$pre_commit" "$@" >"$log" 2>&1 || status=$?
  if [[ $status != "$expected" ]]; then
    cat "$log"
    fail "pre-commit $* exited $status, expected $expected"
  fi
}
expect() { # LOG PATTERN WHAT
  grep -q -- "$2" "$1" || { cat "$1"; fail "$3"; }
}

# One try-repo run with every hook of the manifest: each try-repo builds
# the hook environment afresh (a cargo install), so it is done once.
echo "== try-repo: every hook on three drafts (builds copydesk with cargo)"
t=$SECONDS
log=$work/try-repo.log
run 1 "$log" try-repo "$clone" --files clean.txt story.txt dup.txt
echo "hooks installed and run in $((SECONDS - t)) s"
expect "$log" '^copydesk\.\.*Failed' "the copydesk hook did not fail"
expect "$log" '^copydesk (apply safe fixes)\.\.*Failed' "the copydesk-fix hook did not fail"
for code in repeat/paragraph repeat/quote; do
  expect "$log" "story.txt:[0-9]*:[0-9]*" "no finding located in story.txt"
  expect "$log" "warning\[$code\]" "story.txt: no $code finding"
done
expect "$log" 'files were modified by this hook' "copydesk-fix did not modify dup.txt"
if grep -q 'clean.txt:' "$log"; then
  cat "$log"
  fail "a finding on clean.txt"
fi
[[ $(cat dup.txt) == "$para"$'\nIt approved the budget.' ]] || fail "dup.txt after copydesk-fix: $(cat dup.txt)"
[[ $(cat clean.txt) == "$clean" ]] || fail "clean.txt was changed"
cmp -s story.txt "$repo/seeds/blinken-rafah.txt" || fail "story.txt was changed (its fixes are unsafe)"
echo "the seed fails with its findings, the repeated paragraph is deleted, the clean draft is left alone"

echo "== the README's snippet"
snippet=$(awk '/^### pre-commit/{p=1} p&&/^```yaml/{q=1;next} q&&/^```/{exit} q{print}' "$repo/README.md")
[[ -n $snippet ]] || fail "README.md: no yaml block under '### pre-commit'"
rev=$(sed -n 's/^ *rev: *\([^ #]*\).*/\1/p' <<<"$snippet")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -1)
[[ $rev == "v$version" ]] || fail "README.md's pre-commit rev is '$rev', expected v$version (the release tag of Cargo.toml's version)"
grep -q -- "- id: copydesk$" <<<"$snippet" || fail "README.md's snippet has no '- id: copydesk'"
if git -C "$clone" rev-parse --quiet --verify "refs/tags/$rev" >/dev/null; then
  sed "s|^\( *- repo:\).*|\1 $clone|" <<<"$snippet" >.pre-commit-config.yaml
  run 1 "$work/snippet.log" run --files story.txt
  expect "$work/snippet.log" 'warning\[repeat/quote\]' "the snippet's hook found nothing"
  echo "the snippet as written (rev $rev) runs the hook"
else
  echo "NOT CHECKED: the README's snippet names rev $rev, which is not a tag of this repository yet;"
  echo "             tag the release commit (git tag $rev && git push origin $rev) for the snippet to work"
fi

echo "pre-commit: ok ($((SECONDS - started)) s)"
