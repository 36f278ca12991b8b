package htmlreport

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
	"sync"
)

// The files of assets/ are described, with their sources and licences, in
// assets/README.md. ECharts is stored gzipped (gzip -9 -n; 1.0 MB → 0.33 MB
// of binary) and unpacked when a report is written.
//
//go:embed assets/echarts.min.js.gz assets/echarts-wordcloud.min.js assets/report.css assets/report.js assets/report.html.tmpl
var assetFS embed.FS

// assets are the embedded files a page inlines.
type assets struct {
	css     string
	runtime string
	scripts []string // libraries, in load order
}

// libraries are the scripts a page loads, in order, each with a banner
// that names it and its licence (the minified files keep their own
// headers too).
func libraries() []struct{ file, banner string } {
	return []struct{ file, banner string }{
		{"assets/echarts.min.js.gz", "/* Apache ECharts 5.6.0, Apache-2.0, https://echarts.apache.org */\n"},
		{"assets/echarts-wordcloud.min.js", "/* echarts-wordcloud 2.1.0, ISC; includes wordcloud2.js, MIT, (c) 2011-2019 Tim Guan-tin Chien and contributors */\n"},
	}
}

var sourceMapComment = regexp.MustCompile(`(?m)^//# sourceMappingURL=\S*\s*$`)

var loadAssets = sync.OnceValues(func() (assets, error) {
	read := readAsset
	var a assets
	var err error
	if a.css, err = read("assets/report.css"); err != nil {
		return a, err
	}
	if a.runtime, err = read("assets/report.js"); err != nil {
		return a, err
	}
	for _, s := range libraries() {
		js, err := read(s.file)
		if err != nil {
			return a, err
		}
		// A source map comment would make developer tools fetch a file
		// the page does not have.
		js = sourceMapComment.ReplaceAllString(js, "")
		a.scripts = append(a.scripts, s.banner+js)
	}
	for _, s := range append([]string{a.runtime, a.css}, a.scripts...) {
		if strings.Contains(strings.ToLower(s), "</script") || strings.Contains(strings.ToLower(s), "</style") {
			return a, errScriptEnd
		}
	}
	return a, nil
})

// readAsset reads an embedded file, unpacking a gzipped one.
func readAsset(name string) (string, error) {
	b, err := assetFS.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("html report: embedded %s: %w", name, err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return "", fmt.Errorf("html report: embedded %s: %w", name, err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			return "", fmt.Errorf("html report: embedded %s: %w", name, err)
		}
	}
	return string(b), nil
}

var pageTemplate = sync.OnceValues(func() (*template.Template, error) {
	src, err := assetFS.ReadFile("assets/report.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("html report: embedded template: %w", err)
	}
	t, err := template.New("report").Funcs(template.FuncMap{
		// dict passes several values to a sub-template.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		// index1 is s[i], false when i is out of range.
		"index1": func(s []bool, i int) bool { return i < len(s) && s[i] },
	}).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("html report: template: %w", err)
	}
	return t, nil
})
