// Command gen builds the conversion tables that zhpolicy embeds, from the
// OpenCC dictionaries that ship inside github.com/liuzl/gocc (early-2020 data)
// plus the corrections in ../overlay, which bring them to OpenCC 1.1.6.
//
// Run it with `go generate ./dict/opencc` from the module root. It writes
//
//	dict/opencc/tables/<Dict>.bin   one rune trie per dictionary (format in pkg/script/table.go)
//	pkg/script/detect_table.go      the Simplified-only / Traditional-only character classes
//
// With -derive DIR it instead (re)writes the overlay files as the difference
// between gocc's data and the text dictionaries in DIR (for example the
// Debian opencc 1.1.6 data dumped with
// `opencc_dict -i /usr/share/opencc/X.ocd2 -o DIR/X.txt -f ocd2 -t text`).
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"zhpolicy/dict/hanzi"
)

// dicts are the dictionaries the offered conversions use (the chains of
// OpenCC 1.1.6's configuration files). For each, the gocc files whose union
// is the base data: OpenCC 1.1.6 merged TWPhrasesIT/Name/Other into TWPhrases.
var dicts = []struct {
	name string
	base []string
}{
	{"STCharacters", []string{"STCharacters.txt"}},
	{"STPhrases", []string{"STPhrases.txt"}},
	{"TSCharacters", []string{"TSCharacters.txt"}},
	{"TSPhrases", []string{"TSPhrases.txt"}},
	{"TWPhrases", []string{"TWPhrasesIT.txt", "TWPhrasesName.txt", "TWPhrasesOther.txt", "TWPhrases.txt"}},
	{"TWPhrasesRev", []string{"TWPhrasesRev.txt"}},
	{"TWVariants", []string{"TWVariants.txt"}},
	{"TWVariantsRev", []string{"TWVariantsRev.txt"}},
	{"TWVariantsRevPhrases", []string{"TWVariantsRevPhrases.txt"}},
	{"HKVariants", []string{"HKVariants.txt"}},
	{"HKVariantsRev", []string{"HKVariantsRev.txt"}},
	{"HKVariantsRevPhrases", []string{"HKVariantsRevPhrases.txt"}},
}

// splitRunes must appear in no key of any dictionary: the streaming
// converter may cut a very long line after one of them (pkg/script).
const splitRunes = "。，；！？、："

func main() {
	var (
		goccDir = flag.String("gocc", "", "gocc module directory (default: from `go list -m`)")
		derive  = flag.String("derive", "", "write the overlay as the difference between gocc and the text dictionaries in this directory")
		root    = flag.String("root", "../..", "module root, relative to the working directory")
	)
	flag.Parse()
	if err := run(*goccDir, *derive, *root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type entry struct {
	key    string
	values []string
}

// dict keeps the entries in key order; later entries replace earlier ones.
type dict map[string][]string

func (d dict) sorted() []entry {
	out := make([]entry, 0, len(d))
	for k, v := range d {
		out = append(out, entry{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func run(goccDir, derive, root string) error {
	if goccDir == "" {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/liuzl/gocc").Output()
		if err != nil {
			return fmt.Errorf("locating gocc (go list -m github.com/liuzl/gocc): %w", err)
		}
		goccDir = strings.TrimSpace(string(out))
	}
	overlayDir := filepath.Join(root, "dict", "opencc", "overlay")
	tablesDir := filepath.Join(root, "dict", "opencc", "tables")
	merged := map[string]dict{}
	for _, d := range dicts {
		base := dict{}
		for _, f := range d.base {
			if err := readDictFile(filepath.Join(goccDir, "dictionary", f), base); err != nil {
				return err
			}
		}
		ovPath := filepath.Join(overlayDir, d.name+".txt")
		var target dict
		if derive != "" {
			target = dict{}
			if err := readDictFile(filepath.Join(derive, d.name+".txt"), target); err != nil {
				return err
			}
			if err := writeOverlay(ovPath, d.name, base, target); err != nil {
				return err
			}
		}
		if err := applyOverlay(ovPath, base); err != nil {
			return err
		}
		if target != nil {
			if err := sameDict(base, target); err != nil {
				return fmt.Errorf("%s: overlay does not reproduce %s: %w", d.name, derive, err)
			}
		}
		merged[d.name] = base
	}
	for name, d := range merged {
		for k := range d {
			if strings.ContainsAny(k, splitRunes) {
				return fmt.Errorf("%s: key %q contains a split rune; update splitRunes here and in pkg/script", name, k)
			}
		}
		bin, err := buildTable(d)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(tablesDir, name+".bin"), bin, 0o644); err != nil {
			return err
		}
	}
	src, err := detectTable(merged)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "pkg", "script", "detect_table.go"), src, 0o644)
}

// readDictFile reads an OpenCC text dictionary: `key<TAB>value[ value...]`
// a line. Later lines replace earlier ones with the same key.
func readDictFile(path string, into dict) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return readDict(f, path, into)
}

func readDict(r io.Reader, name string, into dict) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || k == "" {
			return fmt.Errorf("%s:%d: want key<TAB>values", name, n)
		}
		vals := strings.Fields(v)
		if len(vals) == 0 {
			return fmt.Errorf("%s:%d: no value", name, n)
		}
		into[k] = vals
	}
	return sc.Err()
}

func sameDict(a, b dict) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d entries, want %d", len(a), len(b))
	}
	for k, v := range b {
		if strings.Join(a[k], " ") != strings.Join(v, " ") {
			return fmt.Errorf("%q: %q, want %q", k, a[k], v)
		}
	}
	return nil
}

// The overlay format: `key<TAB>value[ value...]` sets an entry (added or
// changed), `-<TAB>key` removes one, `#` starts a comment line.
func applyOverlay(path string, d dict) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		// A trailing "<TAB># ..." comment is for people only.
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want key<TAB>values or -<TAB>key", path, n)
		}
		if k == "-" {
			if _, ok := d[v]; !ok {
				return fmt.Errorf("%s:%d: removes %q, which is not in the base data", path, n, v)
			}
			delete(d, v)
			continue
		}
		vals := strings.Fields(v)
		if len(vals) == 0 {
			return fmt.Errorf("%s:%d: no value", path, n)
		}
		d[k] = vals
	}
	return sc.Err()
}

func writeOverlay(path, name string, base, target dict) error {
	var add, chg, rem []string
	for _, e := range target.sorted() {
		old, ok := base[e.key]
		line := e.key + "\t" + strings.Join(e.values, " ")
		switch {
		case !ok:
			add = append(add, line)
		case strings.Join(old, " ") != strings.Join(e.values, " "):
			chg = append(chg, line+"\t# was "+strings.Join(old, " "))
		}
	}
	for _, e := range base.sorted() {
		if _, ok := target[e.key]; !ok {
			rem = append(rem, "-\t"+e.key+"\t# was "+strings.Join(e.values, " "))
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s: corrections to gocc's copy (early 2020) that give OpenCC 1.1.6's data.\n", name)
	fmt.Fprintf(&b, "# Data facts from OpenCC (Apache-2.0); see dict/SOURCES.md. Format: key<TAB>values | -<TAB>key.\n")
	fmt.Fprintf(&b, "# %d added, %d changed, %d removed.\n", len(add), len(chg), len(rem))
	for _, sec := range []struct {
		title string
		lines []string
	}{{"added", add}, {"changed", chg}, {"removed", rem}} {
		if len(sec.lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "# --- %s\n", sec.title)
		for _, l := range sec.lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// buildTable lays a rune trie out as in pkg/script/table.go:
//
//	"ZOCT" | nNodes u32 | blobLen u32 | maxKeyRunes u32
//	nodes: nNodes × (childStart u32, childCount u32, valOff u32, valLen u32)   valOff = 0xFFFFFFFF: no value
//	edges: (nNodes-1) × rune u32, children of a node consecutive and sorted; edge j leads to node j+1
//	blob:  the default (first) value of every key
func buildTable(d dict) ([]byte, error) {
	type tnode struct {
		children map[rune]*tnode
		value    string
		has      bool
	}
	root := &tnode{}
	maxRunes := 0
	for k, v := range d {
		if !utf8.ValidString(k) {
			return nil, fmt.Errorf("key %q is not UTF-8", k)
		}
		n := root
		rc := 0
		for _, r := range k {
			rc++
			if n.children == nil {
				n.children = map[rune]*tnode{}
			}
			c := n.children[r]
			if c == nil {
				c = &tnode{}
				n.children[r] = c
			}
			n = c
		}
		if rc > maxRunes {
			maxRunes = rc
		}
		n.value, n.has = v[0], true
	}
	// Breadth-first order: node 0 is the root; the children of each node
	// get consecutive indices, so edge j (in the same order) leads to node j+1.
	order := []*tnode{root}
	var edges []rune
	type rec struct{ childStart, childCount uint32 }
	recs := []rec{}
	for i := 0; i < len(order); i++ {
		n := order[i]
		keys := make([]rune, 0, len(n.children))
		for r := range n.children {
			keys = append(keys, r)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		recs = append(recs, rec{uint32(len(edges)), uint32(len(keys))})
		for _, r := range keys {
			edges = append(edges, r)
			order = append(order, n.children[r])
		}
	}
	var blob bytes.Buffer
	var out bytes.Buffer
	out.WriteString("ZOCT")
	w32 := func(b *bytes.Buffer, v uint32) { _ = binary.Write(b, binary.LittleEndian, v) }
	var nodes bytes.Buffer
	for i, n := range order {
		w32(&nodes, recs[i].childStart)
		w32(&nodes, recs[i].childCount)
		if n.has {
			w32(&nodes, uint32(blob.Len()))
			w32(&nodes, uint32(len(n.value)))
			blob.WriteString(n.value)
		} else {
			w32(&nodes, 0xFFFFFFFF)
			w32(&nodes, 0)
		}
	}
	w32(&out, uint32(len(order)))
	w32(&out, uint32(blob.Len()))
	w32(&out, uint32(maxRunes))
	out.Write(nodes.Bytes())
	for _, r := range edges {
		w32(&out, uint32(r))
	}
	out.Write(blob.Bytes())
	return out.Bytes(), nil
}

// detectTable classifies characters. Simplified-only: s2t always changes it
// (a key of STCharacters whose conversions do not include itself) and no
// Traditional text uses it (it is no conversion of STCharacters, no key of
// TSCharacters, no Taiwan or Hong Kong variant). Traditional-only: t2s always
// changes it (TSCharacters), and Simplified text never uses it (no key of
// STCharacters, no conversion of TSCharacters, and not one of the 通用规范汉字表's
// characters, dict/hanzi: 吒 昇 陞 甦 … are standard Simplified for names). The
// classes are packed two bits a rune for the CJK blocks U+3400–U+9FFF and
// U+F900–U+FAFF, and listed for the rest.
func detectTable(m map[string]dict) ([]byte, error) {
	single := func(s string) (rune, bool) {
		if utf8.RuneCountInString(s) != 1 {
			return 0, false
		}
		r, _ := utf8.DecodeRuneInString(s)
		return r, true
	}
	simpUse := map[rune]bool{} // appears in Simplified text
	tradUse := map[rune]bool{} // appears in some Traditional text
	add := func(set map[rune]bool, ss ...string) {
		for _, s := range ss {
			if r, ok := single(s); ok {
				set[r] = true
			}
		}
	}
	for k, v := range m["STCharacters"] {
		add(simpUse, k)
		add(tradUse, v...)
	}
	for k, v := range m["TSCharacters"] {
		add(tradUse, k)
		add(simpUse, v...)
	}
	for _, name := range []string{"TWVariants", "TWVariantsRev", "HKVariants", "HKVariantsRev"} {
		for k, v := range m[name] {
			add(tradUse, k)
			add(tradUse, v...)
		}
	}
	// always reports the single-character keys of d whose conversions never
	// include the key itself.
	always := func(d dict, f func(rune)) {
		for k, v := range d {
			r, ok := single(k)
			if !ok {
				continue
			}
			self := false
			for _, x := range v {
				self = self || x == k
			}
			if !self {
				f(r)
			}
		}
	}
	const (
		classS = 1
		classT = 2
	)
	class := map[rune]byte{}
	always(m["STCharacters"], func(r rune) {
		if !tradUse[r] {
			class[r] = classS
		}
	})
	for _, name := range []string{"TSCharacters"} {
		always(m[name], func(r rune) {
			if !simpUse[r] && !hanzi.Tongyong(r) {
				class[r] = classT
			}
		})
	}
	inPacked := func(r rune) (int, bool) {
		switch {
		case r >= 0x3400 && r < 0xA000:
			return int(r - 0x3400), true
		case r >= 0xF900 && r < 0xFB00:
			return int(r-0xF900) + (0xA000 - 0x3400), true
		}
		return 0, false
	}
	packed := make([]byte, ((0xA000-0x3400)+(0xFB00-0xF900))/4)
	var otherS, otherT []rune
	for r, c := range class {
		if i, ok := inPacked(r); ok {
			packed[i/4] |= c << (2 * (i % 4))
			continue
		}
		if c == classS {
			otherS = append(otherS, r)
		} else {
			otherT = append(otherT, r)
		}
	}
	sort.Slice(otherS, func(i, j int) bool { return otherS[i] < otherS[j] })
	sort.Slice(otherT, func(i, j int) bool { return otherT[i] < otherT[j] })
	var b bytes.Buffer
	b.WriteString("// Code generated by dict/opencc/gen; DO NOT EDIT.\n\npackage script\n\n")
	fmt.Fprintf(&b, "// %d Simplified-only and %d Traditional-only characters.\n", countClass(class, classS), countClass(class, classT))
	b.WriteString("// classPacked holds two bits a rune (1 Simplified-only, 2 Traditional-only)\n")
	b.WriteString("// for U+3400–U+9FFF followed by U+F900–U+FAFF.\n")
	b.WriteString("const classPacked = \"")
	for _, c := range packed {
		fmt.Fprintf(&b, "\\x%02x", c)
	}
	b.WriteString("\"\n\n")
	writeRunes := func(name string, rs []rune) {
		fmt.Fprintf(&b, "var %s = [...]rune{", name)
		for i, r := range rs {
			if i%12 == 0 {
				b.WriteString("\n\t")
			} else {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "0x%X,", r)
		}
		b.WriteString("\n}\n\n")
	}
	writeRunes("otherSimpOnly", otherS)
	writeRunes("otherTradOnly", otherT)
	return format.Source(b.Bytes())
}

func countClass(m map[rune]byte, c byte) int {
	n := 0
	for _, v := range m {
		if v == c {
			n++
		}
	}
	return n
}
