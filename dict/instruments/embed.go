// Package instrumentsdict embeds the built-in policy-instrument coding frame
// used by `zhpolicy instruments`. Where it comes from is written in
// dict/SOURCES.md, section "Policy-instrument frame".
package instrumentsdict

import _ "embed"

// RothwellZegveld is rothwell_zegveld.yaml: the Rothwell–Zegveld frame
// (supply, environment, demand) with terms and patterns for each of its
// fifteen subcategories.
//
//go:embed rothwell_zegveld.yaml
var RothwellZegveld string
