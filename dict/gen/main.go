// Command gen compiles the project's Chinese dictionary, dict/zhdict.bin
// (internal/zhdict), from gse's published data files and the project's
// policy words:
//
//   - gse's Simplified word list, data/dict/zh/s_1.txt, read as gse's own
//     loader reads it (checked here against gse's LoadDictStr: the same
//     words, frequencies, parts of speech and total);
//   - dict/policy.txt, the project's policy words, which take precedence
//     (pkg/segment can leave them out: Config.NoPolicy);
//   - gse's IDF table, data/dict/zh/idf.txt;
//   - gse's HMM model (start, transition and emission log-probabilities),
//     read from the Go source of gse's hmm package with go/parser and
//     go/constant (the numbers exactly as the compiler reads them).
//
// The files are read from gse's module directory (`go list -m`), at the
// version go.mod requires. Run it with `go generate ./dict`; the file it
// writes is committed, and a test regenerates it and compares byte for
// byte.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-ego/gse"

	"zhpolicy/dict"
	"zhpolicy/internal/zhdict"
	"zhpolicy/pkg/segment"
)

// File is the compiled dictionary, in the dict directory.
const File = "zhdict.bin"

// GseModule is the module whose data is compiled.
const GseModule = "github.com/go-ego/gse"

func main() {
	dir := flag.String("o", ".", "directory to write "+File+" into")
	check := flag.Bool("check", true, "check the word list against gse's own loader (about a second)")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string, check bool) error {
	src, err := source(check)
	if err != nil {
		return err
	}
	data, err := zhdict.Build(src)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, File)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// gseDir is the directory of gse's module at the version go.mod requires.
func gseDir() (dir, version string, err error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", GseModule).Output()
	if err != nil {
		return "", "", fmt.Errorf("go list -m %s: %w", GseModule, err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return "", "", fmt.Errorf("go list -m %s: no module directory (run `go mod download %s`)", GseModule, GseModule)
	}
	return f[0], f[1], nil
}

// source reads everything the dictionary is compiled from.
func source(check bool) (*zhdict.Source, error) {
	dir, _, err := gseDir()
	if err != nil {
		return nil, err
	}
	read := func(rel string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		return string(b), err
	}
	wordsText, err := read("data/dict/zh/s_1.txt")
	if err != nil {
		return nil, err
	}
	idfText, err := read("data/dict/zh/idf.txt")
	if err != nil {
		return nil, err
	}
	src := &zhdict.Source{PolicyChecksum: zhdict.Checksum(dict.Policy)}
	if src.Base, src.BaseTotal, err = zhdict.ParseWords(wordsText); err != nil {
		return nil, fmt.Errorf("gse's word list: %w", err)
	}
	if check {
		if err := checkWords(src.Base, src.BaseTotal, wordsText); err != nil {
			return nil, fmt.Errorf("the word list as read here differs from gse's loader: %w", err)
		}
	}
	if src.Policy, err = policyWords(); err != nil {
		return nil, err
	}
	src.IDF, src.IDFMedian = zhdict.ParseIDF(idfText)
	if src.HMM, err = readHMM(filepath.Join(dir, "hmm")); err != nil {
		return nil, fmt.Errorf("gse's HMM model: %w", err)
	}
	return src, nil
}

// policyWords reads dict/policy.txt as pkg/segment reads user words: keys
// lower-cased as the text is, the first entry of a key wins.
func policyWords() ([]zhdict.Word, error) {
	es, err := segment.ParseDict("dict/policy.txt", strings.NewReader(dict.Policy))
	if err != nil {
		return nil, err
	}
	var out []zhdict.Word
	seen := make(map[string]bool)
	for _, e := range es {
		k := strings.ToLower(e.Word)
		if k == "" || seen[k] || !(e.Freq > 0) {
			continue
		}
		seen[k] = true
		out = append(out, zhdict.Word{Key: k, Freq: e.Freq, POS: e.POS})
	}
	return out, nil
}

// checkWords loads the word list into gse the ordinary way and compares.
func checkWords(words []zhdict.Word, total float64, text string) error {
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictStr(text); err != nil {
		return err
	}
	d := g.Dict
	if d.NumTokens() != len(words) || d.TotalFreq() != total {
		return fmt.Errorf("gse loads %d words (total %v), here %d (total %v)", d.NumTokens(), d.TotalFreq(), len(words), total)
	}
	byKey := make(map[string]zhdict.Word, len(words))
	for _, w := range words {
		byKey[w.Key] = w
	}
	for _, t := range d.Tokens {
		w, ok := byKey[t.Text()]
		if !ok || w.Freq != t.Freq() || w.POS != t.Pos() {
			return fmt.Errorf("%q: gse has freq %v pos %q, here %v %q (%v)", t.Text(), t.Freq(), t.Pos(), w.Freq, w.POS, ok)
		}
	}
	return nil
}

// readHMM reads the model from the Go source of gse's hmm package: the
// assignments probStart[s] = v, probTrans[s] = map[byte]float64{…} and
// probEmit[s] = map[rune]float64{…}.
func readHMM(dir string) (zhdict.HMM, error) {
	m := zhdict.HMM{Emit: make(map[rune][4]float64)}
	for a := range m.Trans {
		for b := range m.Trans[a] {
			m.Trans[a][b] = zhdict.MinFloat
		}
	}
	state := map[rune]int{'B': zhdict.B, 'M': zhdict.M, 'E': zhdict.E, 'S': zhdict.S}
	var starts, trans, emits int
	fset := token.NewFileSet()
	for _, name := range []string{"viterbi.go", "prob_trans.go", "prob_emit.go"} {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return m, err
		}
		var perr error
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || perr != nil {
				return perr == nil
			}
			ix, ok := as.Lhs[0].(*ast.IndexExpr)
			if !ok {
				return true
			}
			v, ok := ix.X.(*ast.Ident)
			if !ok {
				return true
			}
			s, err := charLit(ix.Index)
			if err != nil {
				return true
			}
			st, ok := state[s]
			if !ok {
				perr = fmt.Errorf("%s: unknown state %q", name, s)
				return false
			}
			switch v.Name {
			case "probStart":
				x, err := number(as.Rhs[0])
				if err != nil {
					perr = fmt.Errorf("%s: probStart[%c]: %w", name, s, err)
					return false
				}
				m.Start[st] = x
				starts++
			case "probTrans", "probEmit":
				lit, ok := as.Rhs[0].(*ast.CompositeLit)
				if !ok {
					perr = fmt.Errorf("%s: %s[%c] is not a map literal", name, v.Name, s)
					return false
				}
				for _, el := range lit.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						perr = fmt.Errorf("%s: %s[%c]: not key: value", name, v.Name, s)
						return false
					}
					k, err := charLit(kv.Key)
					if err != nil {
						perr = fmt.Errorf("%s: %s[%c]: %w", name, v.Name, s, err)
						return false
					}
					x, err := number(kv.Value)
					if err != nil {
						perr = fmt.Errorf("%s: %s[%c][%q]: %w", name, v.Name, s, k, err)
						return false
					}
					if v.Name == "probTrans" {
						to, ok := state[k]
						if !ok {
							perr = fmt.Errorf("%s: unknown state %q", name, k)
							return false
						}
						m.Trans[st][to] = x
						trans++
						continue
					}
					e, ok := m.Emit[k]
					if !ok {
						e = [4]float64{zhdict.MinFloat, zhdict.MinFloat, zhdict.MinFloat, zhdict.MinFloat}
					}
					e[st] = x
					m.Emit[k] = e
					emits++
				}
			}
			return true
		})
		if perr != nil {
			return m, perr
		}
	}
	if starts != 4 || trans != 8 || emits < 10000 {
		return m, fmt.Errorf("read %d start, %d transition and %d emission probabilities: gse's hmm source changed shape", starts, trans, emits)
	}
	return m, nil
}

func charLit(e ast.Expr) (rune, error) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.CHAR {
		return 0, fmt.Errorf("not a character literal")
	}
	s, err := strconv.Unquote(b.Value)
	if err != nil {
		return 0, err
	}
	r := []rune(s)
	if len(r) != 1 {
		return 0, fmt.Errorf("bad character literal %s", b.Value)
	}
	return r[0], nil
}

// number evaluates a numeric literal, possibly negated, as the compiler
// does (exact constant arithmetic, then rounded to float64).
func number(e ast.Expr) (float64, error) {
	neg := false
	if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
		neg = u.Op == token.SUB
		e = u.X
	}
	if p, ok := e.(*ast.ParenExpr); ok {
		e = p.X
	}
	b, ok := e.(*ast.BasicLit)
	if !ok || (b.Kind != token.FLOAT && b.Kind != token.INT) {
		return 0, fmt.Errorf("not a number")
	}
	c := constant.MakeFromLiteral(b.Value, b.Kind, 0)
	if neg {
		c = constant.UnaryOp(token.SUB, c, 0)
	}
	x, _ := constant.Float64Val(constant.ToFloat(c))
	return x, nil
}
