// Command learn fits a small logistic regression over the features the
// slogans extractor computes (slogans.Features) to the labelled DEV rows
// (bench/slogans/gold/precision_dev*.tsv), cross-validated by document, and
// compares it with the rules alone on the same rows (round 14).
//
//	go run ./bench/slogans/learn                 # 5-fold CV by document, tables on stdout
//	go run ./bench/slogans/learn -weights FILE   # also fit on all rows and write the weights
//
// Rows of TEST documents (SPLIT.md) and of the held-out sets HOLD1–HOLD3 are
// never read. A labelled row counts when the document still outputs a
// formulation of the same text (rows no longer output drop out). A row
// labelled in several samples takes the majority label (a tie is no).
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/segment"
)

var (
	testGWR = strings.Fields("吉林省 山西省 广东省 江苏省 河北省 河南省 甘肃省 西藏自治区 辽宁省 海南省")
	testTW  = strings.Fields("2005-02-21_9221 2005-05-10_9424 2010-02-08_14057 2015-01-29_19215 2015-07-27_19629")
	hold    = strings.Fields("central_053 central_023 central_026 central_013 central_152 " + // HOLD1
		"central_032 central_069 central_066 central_044 shandong_003 " + // HOLD2
		"central_051 central_076 central_067 central_014 central_117") // HOLD3
)

var (
	minWord int
	dump    bool
)

type row struct {
	doc, genre, kind, text string
	yes                    bool
	x                      []float64
	words                  []string
	fold                   int
	salience               float64
}

func main() {
	root := flag.String("corpus", "../shared/corpus", "the shared corpus")
	gold := flag.String("gold", "bench/slogans/gold", "the gold directory")
	weights := flag.String("weights", "", "fit on all rows and write the weights (Go source) here")
	l2 := flag.Float64("l2", 1.0, "L2 penalty")
	flag.BoolVar(&dump, "dump", false, "print every row with its label and out-of-fold score (DEV rows only)")
	flag.IntVar(&minWord, "min-word", 0, "also use the symbolic features (FeatureWords) seen in at least this many training documents (0: none)")
	flag.Parse()
	if err := run(*root, *gold, *weights, *l2); err != nil {
		fmt.Fprintln(os.Stderr, "learn:", err)
		os.Exit(1)
	}
}

func isTest(doc string) bool {
	for _, t := range testGWR {
		if doc == t || doc == "2026_"+t {
			return true
		}
	}
	for _, t := range testTW {
		if doc == t {
			return true
		}
	}
	for _, h := range hold {
		if doc == h {
			return true
		}
	}
	if strings.HasPrefix(doc, "central_") || strings.HasPrefix(doc, "shandong_") || strings.Contains(doc, "-") {
		return sha256.Sum256([]byte(doc + ".txt"))[0] < 77
	}
	return false
}

func docPath(root, doc string) (string, string) {
	switch {
	case strings.HasPrefix(doc, "central_") || strings.HasPrefix(doc, "shandong_"):
		return filepath.Join(root, "ministry_provincial_notices", doc+".txt"), "notice"
	case strings.Contains(doc, "-"):
		return filepath.Join(root, "taiwan_presidential_office", doc+".txt"), "speech"
	default:
		return filepath.Join(root, "provincial_gwr_2026", "2026_"+strings.TrimPrefix(doc, "2026_")+".txt"), "report"
	}
}

func readLabels(gold string) (map[[2]string][2]int, error) {
	files, err := filepath.Glob(filepath.Join(gold, "precision_dev*.tsv"))
	if err != nil {
		return nil, err
	}
	votes := map[[2]string][2]int{}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for i, l := range strings.Split(string(b), "\n") {
			c := strings.Split(l, "\t")
			if i == 0 || len(c) < 6 {
				continue
			}
			doc := strings.TrimPrefix(c[1], "2026_")
			if isTest(doc) {
				continue
			}
			k := [2]string{doc, strings.ReplaceAll(c[3], "\n", "")}
			v := votes[k]
			switch c[5] {
			case "yes":
				v[0]++
			case "no":
				v[1]++
			default:
				continue
			}
			votes[k] = v
		}
	}
	return votes, nil
}

func run(root, gold, weightsOut string, l2 float64) error {
	votes, err := readLabels(gold)
	if err != nil {
		return err
	}
	byDoc := map[string][]string{}
	for k := range votes {
		byDoc[k[0]] = append(byDoc[k[0]], k[1])
	}
	docs := make([]string, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	opts, err := slogans.BuiltinOptions()
	if err != nil {
		return err
	}
	seg, err := segment.New(segment.Config{})
	if err != nil {
		return err
	}
	var rows []row
	labelled, found := 0, 0
	for _, doc := range docs {
		path, genre := docPath(root, doc)
		in, err := prepare(seg, path)
		if err != nil {
			return err
		}
		fs := slogans.Extract(in, opts)
		bySurface := map[string]*slogans.Formulation{}
		for i := range fs {
			s := strings.ReplaceAll(fs[i].Surface(), "\n", "")
			if _, ok := bySurface[s]; !ok {
				bySurface[s] = &fs[i]
			}
		}
		h := sha256.Sum256([]byte("learn-fold-" + doc))
		for _, text := range byDoc[doc] {
			labelled++
			f := bySurface[text]
			if f == nil {
				continue
			}
			found++
			v := votes[[2]string{doc, text}]
			rows = append(rows, row{doc: doc, genre: genre, kind: string(f.Kind), text: text, yes: v[0] > v[1],
				x: slogans.Features(in, f), words: slogans.FeatureWords(in, f), fold: int(h[0]) % 5, salience: slogans.Salience(f, 1, 1)})
		}
	}
	fmt.Printf("labelled DEV rows (deduplicated, TEST and HOLD1-3 left out): %d; still output: %d\n\n", labelled, found)

	// out-of-fold scores
	oof := make([]float64, len(rows))
	thr := map[float64][5]float64{}
	alphas := []float64{0, 0.02, 0.05, 0.10}
	for k := 0; k < 5; k++ {
		var tr []row
		for _, r := range rows {
			if r.fold != k {
				tr = append(tr, r)
			}
		}
		all := rows
		if minWord > 0 {
			v := vocabulary(tr)
			tr, all = withWords(tr, v), withWords(rows, v)
		}
		w := fit(tr, l2)
		var trYes []float64
		for _, r := range tr {
			if r.yes {
				trYes = append(trYes, score(w, r.x))
			}
		}
		sort.Float64s(trYes)
		for _, a := range alphas {
			t := thr[a]
			// the threshold: drop below it at most a share a of the training yes rows
			n := int(math.Floor(a * float64(len(trYes))))
			if n == 0 {
				t[k] = trYes[0] - 1e-9
			} else {
				t[k] = (trYes[n-1] + trYes[n]) / 2
			}
			thr[a] = t
		}
		for i, r := range all {
			if r.fold == k {
				oof[i] = score(w, r.x)
			}
		}
	}
	if dump {
		for i, r := range rows {
			fmt.Printf("%s\t%s\t%s\t%s\t%v\t%.3f\t%s\n", r.doc, r.genre, r.kind, r.text, r.yes, oof[i], strings.Join(r.words, " "))
		}
		return nil
	}
	for _, g := range []string{"notice", "all"} {
		var ys, ns, sy, sn []float64
		for i, r := range rows {
			if g == "all" || r.genre == g {
				if r.yes {
					ys = append(ys, oof[i])
					sy = append(sy, r.salience)
				} else {
					ns = append(ns, oof[i])
					sn = append(sn, r.salience)
				}
			}
		}
		fmt.Printf("out-of-fold AUC, %s rows: model %.3f, rules 20's salience score %.3f\n", g, auc(ys, ns), auc(sy, sn))
	}
	// the order: within each document, the labelled rows in the top half by
	// rules 20's salience score, by the model, by the two ranks averaged, and
	// by the product of the score and the model's probability
	for _, g := range []string{"notice", "all"} {
		for _, by := range []string{"salience", "model", "blend", "product"} {
			y, n := topHalf(rows, oof, g, by)
			fmt.Printf("top half of each document's labelled rows, %s, by %s: %d/%d %.3f\n", g, by, y, n, float64(y)/float64(y+n))
		}
	}
	fmt.Println()
	fmt.Println("| rows (out-of-fold, 5 folds by document) | rules 20: yes/no, precision | + model, yes lost on training ≤ α: kept yes/no, precision (Δ), yes lost |")
	fmt.Println("|---|---|---|")
	for _, g := range []string{"notice", "report", "speech", "all"} {
		for _, kind := range []string{"", "quoted", "parallel"} {
			var y, n int
			for _, r := range rows {
				if (g == "all" || r.genre == g) && (kind == "" || r.kind == kind) {
					if r.yes {
						y++
					} else {
						n++
					}
				}
			}
			if y+n == 0 {
				continue
			}
			p0 := float64(y) / float64(y+n)
			cells := []string{}
			for _, a := range alphas {
				var ky, kn int
				for i, r := range rows {
					if (g == "all" || r.genre == g) && (kind == "" || r.kind == kind) && oof[i] >= thr[a][r.fold] {
						if r.yes {
							ky++
						} else {
							kn++
						}
					}
				}
				p := 0.0
				if ky+kn > 0 {
					p = float64(ky) / float64(ky+kn)
				}
				cells = append(cells, fmt.Sprintf("α=%.2f: %d/%d %.3f (%+.3f), −%d yes", a, ky, kn, p, p-p0, y-ky))
			}
			name := g
			if kind != "" {
				name += " " + kind
			}
			fmt.Printf("| %s | %d/%d %.3f | %s |\n", name, y, n, p0, strings.Join(cells, "; "))
		}
	}
	w := fit(rows, l2)
	if weightsOut != "" {
		return writeWeights(weightsOut, w, len(rows), l2)
	}
	for i, name := range slogans.FeatureNames() {
		fmt.Printf("%-20s %+.3f\n", name, w[i])
	}
	return nil
}

// vocabulary: the symbolic features seen in at least minWord documents of rows.
func vocabulary(rows []row) []string {
	docs := map[string]map[string]bool{}
	for _, r := range rows {
		for _, w := range r.words {
			if docs[w] == nil {
				docs[w] = map[string]bool{}
			}
			docs[w][r.doc] = true
		}
	}
	var v []string
	for w, d := range docs {
		if len(d) >= minWord {
			v = append(v, w)
		}
	}
	sort.Strings(v)
	return v
}

// withWords appends the one-hot symbolic features of vocab to each row's x.
func withWords(rows []row, vocab []string) []row {
	idx := map[string]int{}
	for i, w := range vocab {
		idx[w] = i
	}
	out := make([]row, len(rows))
	for i, r := range rows {
		x := make([]float64, len(r.x)+len(vocab))
		copy(x, r.x)
		for _, w := range r.words {
			if j, ok := idx[w]; ok {
				x[len(r.x)+j] = 1
			}
		}
		r.x = x
		out[i] = r
	}
	return out
}

// topHalf counts the yes and no rows in the top half (rounded down, at least
// one) of each document's labelled rows of genre g ordered by salience, by
// the model's out-of-fold score, or by their two ranks averaged.
func topHalf(rows []row, oof []float64, g, by string) (y, n int) {
	byDoc := map[string][]int{}
	for i, r := range rows {
		if g == "all" || r.genre == g {
			byDoc[r.doc] = append(byDoc[r.doc], i)
		}
	}
	for _, idx := range byDoc {
		if len(idx) < 2 {
			continue
		}
		rank := func(key func(int) float64) map[int]float64 {
			s := append([]int(nil), idx...)
			sort.SliceStable(s, func(a, b int) bool {
				ka, kb := key(s[a]), key(s[b])
				if ka != kb {
					return ka > kb
				}
				return rows[s[a]].text < rows[s[b]].text // ties as the tool breaks them: by text
			})
			m := map[int]float64{}
			for p, i := range s {
				m[i] = float64(p)
			}
			return m
		}
		rs := rank(func(i int) float64 { return rows[i].salience })
		rm := rank(func(i int) float64 { return oof[i] })
		rp := rank(func(i int) float64 { return oof[i] * rows[i].salience })
		order := append([]int(nil), idx...)
		sort.Slice(order, func(a, b int) bool { return rows[order[a]].text < rows[order[b]].text })
		sort.SliceStable(order, func(a, b int) bool {
			ia, ib := order[a], order[b]
			switch by {
			case "salience":
				return rs[ia] < rs[ib]
			case "model":
				return rm[ia] < rm[ib]
			case "product":
				return rp[ia] < rp[ib]
			}
			if rs[ia]+rm[ia] != rs[ib]+rm[ib] {
				return rs[ia]+rm[ia] < rs[ib]+rm[ib]
			}
			return rows[ia].text < rows[ib].text
		})
		for _, i := range order[:len(order)/2] {
			if rows[i].yes {
				y++
			} else {
				n++
			}
		}
	}
	return y, n
}

// auc: the chance that a yes row scores above a no row (ties count half).
func auc(ys, ns []float64) float64 {
	if len(ys) == 0 || len(ns) == 0 {
		return 0
	}
	s := 0.0
	for _, y := range ys {
		for _, n := range ns {
			switch {
			case y > n:
				s++
			case y == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(ys)*len(ns))
}

// writeWeights writes the fitted weights as the Go source of the slogans
// package's modelWeights.
func writeWeights(path string, w []float64, n int, l2 float64) error {
	var b strings.Builder
	b.WriteString("// Code generated by `go run ./bench/slogans/learn -weights pkg/analysis/slogans/model.go`; DO NOT EDIT.\n\n")
	b.WriteString("package slogans\n\n")
	fmt.Fprintf(&b, "// modelWeights are the weights of the logistic regression over Features,\n")
	fmt.Fprintf(&b, "// fitted to the %d labelled DEV rows the rules still output (our own\n", n)
	fmt.Fprintf(&b, "// labels: bench/slogans/gold/precision_dev*.tsv, TEST and held-out\n")
	fmt.Fprintf(&b, "// documents left out; L2 penalty %g). See dict/SOURCES.md.\n", l2)
	fmt.Fprintf(&b, "func modelWeights() [%d]float64 {\n\treturn [%d]float64{\n", len(w), len(w))
	for i, name := range slogans.FeatureNames() {
		fmt.Fprintf(&b, "\t\t%.6f, // %s\n", w[i], name)
	}
	b.WriteString("\t}\n}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

func score(w, x []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return 1 / (1 + math.Exp(-s))
}

// fit: L2-penalised logistic regression by batch gradient descent (the bias
// is not penalised).
func fit(rows []row, l2 float64) []float64 {
	d := len(rows[0].x)
	w := make([]float64, d)
	g := make([]float64, d)
	n := float64(len(rows))
	for it := 0; it < 4000; it++ {
		for i := range g {
			g[i] = 0
		}
		for _, r := range rows {
			y := 0.0
			if r.yes {
				y = 1
			}
			e := score(w, r.x) - y
			for i, v := range r.x {
				g[i] += e * v
			}
		}
		for i := range w {
			reg := l2 * w[i]
			if i == 0 {
				reg = 0
			}
			w[i] -= 0.5 * (g[i]/n + reg/n)
		}
	}
	return w
}

// prepare reads, cleans and segments one file as `zhpolicy slogans` does.
func prepare(seg *segment.Segmenter, path string) (*analysis.Input, error) {
	d, err := corpus.Load(path, seg, segment.Options{Mode: segment.Precise, POS: true})
	if err != nil {
		return nil, err
	}
	return d.In, nil
}
