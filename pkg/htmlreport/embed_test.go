package htmlreport

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// The libraries the page inlines are the files of the packages, unmodified
// (checksums in assets/README.md), ECharts unpacked from its gzip.
func TestAssetsUnmodified(t *testing.T) {
	for name, want := range map[string]string{
		"assets/echarts.min.js.gz":        "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1",
		"assets/echarts-wordcloud.min.js": "7b6f0d55971d9de5913120c7ce6342f3551efd00b4a1df8a50f08385bb25f155",
	} {
		s, err := readAsset(name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(s))
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: sha256 %s, want %s", name, got, want)
		}
	}
}
