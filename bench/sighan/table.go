package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// row is one line of a result file.
type row struct {
	corpus, system string
	c              counts
	note           string
}

func readRows(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []row
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "corpus\t") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 9 {
			return nil, fmt.Errorf("%s:%d: want at least 9 tab-separated fields", path, n)
		}
		var v [7]int
		for i := range v {
			if v[i], err = strconv.Atoi(fs[2+i]); err != nil {
				return nil, fmt.Errorf("%s:%d: field %d: %w", path, n, 3+i, err)
			}
		}
		r := row{corpus: fs[0], system: fs[1], c: counts{Gold: v[0], Out: v[1], Match: v[2],
			OOVGold: v[3], OOVMatch: v[4], Lines: v[5], ChangedText: v[6]}}
		if len(fs) >= 15 {
			r.note = fs[14]
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

var corpusTitle = map[string]string{"pku": "PKU", "msr": "MSR", "as": "AS", "cityu": "CityU"}

// mergeTables writes the markdown tables of bench/RESULTS.md from result
// files: F1, OOV recall and precision/recall of the main systems, the
// targets, and the prototypes' changes against the unchanged prototype.
func mergeTables(paths []string, w io.Writer) error {
	res := map[string]map[string]counts{} // system → corpus → counts
	notes := map[string]map[string]string{}
	for _, p := range paths {
		rows, err := readRows(p)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if res[r.system] == nil {
				res[r.system] = map[string]counts{}
				notes[r.system] = map[string]string{}
			}
			res[r.system][r.corpus] = r.c
			notes[r.system][r.corpus] = r.note
		}
	}
	var main, protos []system
	for _, s := range allSystems() {
		if res[s.Name] == nil {
			continue
		}
		if strings.HasPrefix(s.Name, "proto-") {
			protos = append(protos, s)
		} else {
			main = append(main, s)
		}
	}
	cell := func(sys, corpus string, f func(counts) string) string {
		c, ok := res[sys][corpus]
		if !ok {
			return "—"
		}
		return f(c)
	}
	header := func(first string) {
		fmt.Fprintf(w, "| %s |", first)
		for _, c := range corpusOrder {
			fmt.Fprintf(w, " %s |", corpusTitle[c])
		}
		fmt.Fprint(w, "\n|---|")
		for range corpusOrder {
			fmt.Fprint(w, "---:|")
		}
		fmt.Fprintln(w)
	}
	// best F1 per corpus, in bold
	best := map[string]float64{}
	for _, s := range main {
		for _, c := range corpusOrder {
			if v, ok := res[s.Name][c]; ok && v.F() > best[c] {
				best[c] = v.F()
			}
		}
	}
	fmt.Fprintln(w, "F1 (word spans; the best of each corpus in bold):")
	fmt.Fprintln(w)
	header("system")
	for _, s := range main {
		fmt.Fprintf(w, "| %s |", s.Desc)
		for _, c := range corpusOrder {
			fmt.Fprintf(w, " %s |", cell(s.Name, c, func(v counts) string {
				if fmt.Sprintf("%.4f", v.F()) == fmt.Sprintf("%.4f", best[c]) {
					return fmt.Sprintf("**%.4f**", v.F())
				}
				return fmt.Sprintf("%.4f", v.F())
			}))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Recall of out-of-vocabulary words (gold words absent from the corpus's training word list):")
	fmt.Fprintln(w)
	header("system")
	for _, s := range main {
		fmt.Fprintf(w, "| %s |", s.Desc)
		for _, c := range corpusOrder {
			fmt.Fprintf(w, " %s |", cell(s.Name, c, func(v counts) string { return fmt.Sprintf("%.3f", v.OOVR()) }))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Precision / recall:")
	fmt.Fprintln(w)
	header("system")
	for _, s := range main {
		fmt.Fprintf(w, "| %s |", s.Desc)
		for _, c := range corpusOrder {
			fmt.Fprintf(w, " %s |", cell(s.Name, c, func(v counts) string { return fmt.Sprintf("%.3f / %.3f", v.P(), v.R()) }))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	writeTargets(w, res, notes)
	if len(protos) > 0 {
		writeProtos(w, res, protos)
	}
	return nil
}

// writeTargets checks the foundation issue's accuracy targets.
func writeTargets(w io.Writer, res map[string]map[string]counts, notes map[string]map[string]string) {
	f := func(sys, c string) (float64, bool) {
		v, ok := res[sys][c]
		return v.F(), ok
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	fmt.Fprintln(w, "Targets:")
	fmt.Fprintln(w)
	for _, c := range []string{"as", "cityu"} {
		z, ok1 := f("zhpolicy", c)
		th, ok2 := f("gse-t-hmm", c)
		tn, ok3 := f("gse-t-nohmm", c)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		t := max(th, tn)
		fmt.Fprintf(w, "- %s: zhpolicy default, Traditional folded to Simplified, %.4f vs gse's own Traditional dictionary (better mode) %.4f: %s (%s).\n",
			corpusTitle[c], z, t, verdict(z > t), notes["zhpolicy"][c])
	}
	for _, c := range corpusOrder {
		z, ok1 := f("zhpolicy", c)
		jh, ok2 := f("jieba-hmm", c)
		jn, ok3 := f("jieba-nohmm", c)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		j := max(jh, jn)
		line := fmt.Sprintf("- %s: zhpolicy default %.4f vs jieba's better mode %.4f: %s", corpusTitle[c], z, j, verdict(z >= j))
		if p, ok := f("proto-proposed-nohmm", c); ok {
			line += fmt.Sprintf("; with the proposed segmenter changes (prototype \"proposed\", HMM off) %.4f: %s", p, verdict(p >= j))
		}
		fmt.Fprintln(w, line+".")
	}
	hs, ns := 0.0, 0.0
	n := 0
	for _, c := range corpusOrder {
		h, ok1 := f("zhpolicy-hmm", c)
		o, ok2 := f("zhpolicy-nohmm", c)
		if ok1 && ok2 {
			hs += h
			ns += o
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "- HMM: mean F1 over %d corpora %.4f with, %.4f without; the default row is %s.\n", n, hs/float64(n), ns/float64(n), defaultHMMName())
	}
	hs, ns, n = 0, 0, 0
	for _, c := range corpusOrder {
		h, ok1 := f("proto-proposed-hmm", c)
		o, ok2 := f("proto-proposed-nohmm", c)
		if ok1 && ok2 {
			hs += h
			ns += o
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "- HMM with the proposed changes: mean F1 over %d corpora %.4f with, %.4f without.\n", n, hs/float64(n), ns/float64(n))
	}
	for _, c := range []string{"pku", "msr"} {
		for _, h := range []string{"hmm", "nohmm"} {
			a, ok1 := f("zhpolicy-"+h, c)
			b, ok2 := f("zhpolicy-nopolicy-"+h, c)
			if ok1 && ok2 {
				fmt.Fprintf(w, "- Policy dictionary on %s (%s): F1 %.4f with, %.4f without (%+.4f).\n", corpusTitle[c], map[string]string{"hmm": "HMM on", "nohmm": "HMM off"}[h], a, b, a-b)
			}
		}
	}
	fmt.Fprintln(w)
}

// writeProtos writes the prototypes' F1 and its change against the
// unchanged prototype with the same HMM setting.
func writeProtos(w io.Writer, res map[string]map[string]counts, protos []system) {
	fmt.Fprintln(w, "Prototypes of segmenter changes (bench/sighan/internal/proto, built on gse directly; Traditional")
	fmt.Fprintln(w, "folded by the harness). F1 and its change against the unchanged prototype with the same HMM setting:")
	fmt.Fprintln(w)
	header := "| change | HMM |"
	sep := "|---|---|"
	for _, c := range corpusOrder {
		header += " " + corpusTitle[c] + " |"
		sep += "---:|"
	}
	fmt.Fprintln(w, header)
	fmt.Fprintln(w, sep)
	for _, s := range protos {
		name := strings.TrimPrefix(s.Name, "proto-")
		hmm := "off"
		base := "proto-base-nohmm"
		if strings.HasSuffix(name, "-hmm") {
			hmm = "on"
			base = "proto-base-hmm"
		}
		name = strings.TrimSuffix(strings.TrimSuffix(name, "-nohmm"), "-hmm")
		fmt.Fprintf(w, "| %s: %s | %s |", name, s.Desc, hmm)
		for _, c := range corpusOrder {
			v, ok := res[s.Name][c]
			b, okb := res[base][c]
			switch {
			case !ok:
				fmt.Fprint(w, " — |")
			case !okb || s.Name == base:
				fmt.Fprintf(w, " %.4f |", v.F())
			default:
				fmt.Fprintf(w, " %.4f (%+.4f) |", v.F(), v.F()-b.F())
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}
