package check

import (
	"fmt"
	"path"
	"strings"
)

// Glob patterns in the configuration match slash-separated paths relative
// to the directory of the configuration file:
//
//   - `*` matches within one path segment, `?` one character, `[a-z]` a class
//     (path.Match syntax); `**` matches any number of segments;
//   - a pattern without a slash matches a file or directory name at any
//     depth (`drafts` skips every drafts directory, `*.html` every HTML file);
//   - a pattern with a slash is anchored at the configuration's directory
//     (`docs/tw/**`); a leading `/` or `./` changes nothing;
//   - a trailing slash matches a directory and everything under it (`old/`).

// checkGlob reports a malformed pattern.
func checkGlob(p string) error {
	if strings.TrimSpace(p) == "" {
		return fmt.Errorf("empty pattern")
	}
	for _, seg := range strings.Split(normGlob(p), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("malformed pattern %q: use * ? ** [a-z]", p)
		}
	}
	return nil
}

func normGlob(p string) string {
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") {
		p += "**"
	}
	return p
}

// matchGlob reports whether the slash-separated relative path rel matches
// pattern p.
func matchGlob(p, rel string) bool {
	anchored := strings.Contains(strings.TrimSuffix(p, "/"), "/")
	p = normGlob(p)
	segs := strings.Split(rel, "/")
	if !anchored {
		if strings.HasSuffix(p, "/**") { // "name/": a directory at any depth
			name := strings.TrimSuffix(p, "/**")
			for _, s := range segs[:len(segs)-1] {
				if ok, _ := path.Match(name, s); ok {
					return true
				}
			}
			return false
		}
		for _, s := range segs {
			if ok, _ := path.Match(p, s); ok {
				return true
			}
		}
		return false
	}
	return matchSegs(strings.Split(p, "/"), segs)
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for k := 0; k <= len(segs); k++ {
				if matchSegs(rest, segs[k:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

func matchAny(pats []string, rel string) bool {
	for _, p := range pats {
		if matchGlob(p, rel) {
			return true
		}
	}
	return false
}
