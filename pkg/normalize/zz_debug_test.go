package normalize

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	for _, dir := range strings.Fields(os.Getenv("ZZDIRS")) {
		files, _ := filepath.Glob(dir + "/*.txt")
		for _, f := range files {
			name := filepath.Base(f)
			h := sha256.Sum256([]byte(name))
			if h[0] < 77 && strings.Contains(dir, "notices") || h[0] < 77 && strings.Contains(dir, "taiwan") {
				continue
			}
			data, _ := os.ReadFile(f)
			r := Clean(string(data), DefaultOptions())
			for _, c := range r.Changes {
				if c.Kind == ChangeBoilerplate {
					fmt.Printf("%s [%s] %q\n", name, c.Reason, strings.TrimRight(c.Old, "\n"))
				}
			}
			if os.Getenv("ZZMETA") != "" {
				for _, m := range r.Meta {
					fmt.Printf("%s * %s %q\n", name, m.Kind, r.Text[m.Start:m.End])
				}
			}
		}
	}
}
