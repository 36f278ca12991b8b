#!/usr/bin/env bash
# Browser test of `zhpolicy report` (pkg/cmd/report/browser_test.go): opens the
# report of testdata/sample in headless Chromium, checks that every chart
# drew, that the console has no error and that the page requested nothing
# over the network, and saves PNG screenshots as artefacts.
#
# Installs Debian's chromium (and a small CJK font, so that the screenshots
# show Chinese) when it is missing; where it cannot be installed (not root,
# no apt-get, no package), the test is skipped with a message saying so.
#
#   bash .ci/browser-test.sh            # CI calls it from .ci/run
#   ZHPOLICY_ARTIFACTS=DIR bash .ci/browser-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
	[ -n "${ZHPOLICY_CHROMIUM:-}" ] && return 0
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
		command -v google-chrome >/dev/null 2>&1
}

if ! have_chromium; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "== installing chromium (apt-get)"
		export DEBIAN_FRONTEND=noninteractive
		if ! { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei; } >/tmp/zhpolicy-apt-chromium.log 2>&1; then
			echo "browser test: could not install chromium (see /tmp/zhpolicy-apt-chromium.log); the test will be skipped"
			tail -5 /tmp/zhpolicy-apt-chromium.log || true
		fi
	else
		echo "browser test: chromium is missing and cannot be installed here (needs root and apt-get); the test will be skipped"
	fi
fi

export ZHPOLICY_ARTIFACTS=${ZHPOLICY_ARTIFACTS:-${TMPDIR:-/tmp}/zhpolicy-artifacts}
echo "== browser test (screenshots in $ZHPOLICY_ARTIFACTS)"
ZHPOLICY_BROWSER=1 go test -count=1 -run '^TestBrowser$' -v ./pkg/cmd/report/ 2>&1 | grep -Ev '^=== (RUN|PAUSE|CONT)'
