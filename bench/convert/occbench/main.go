// Command occbench compares zhpolicy's script conversion with raw gocc and
// the Debian opencc CLI (OpenCC 1.1.6). bench/convert/run.sh drives it.
//
//	occbench cases  -shared DIR [-write-debian FILE]   OpenCC's test cases, three engines side by side
//	occbench corpus -shared DIR [-diffs FILE]          line differences vs opencc on ../shared/corpus
//	occbench convert -c CONFIG                         stdin → stdout with pkg/script
//	occbench gocc    -c CONFIG                         stdin → stdout with raw gocc (built once, line by line)
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/liuzl/gocc"

	"zhpolicy/pkg/script"
)

var goccConfigs = map[string]bool{"s2t": true, "t2s": true, "s2tw": true, "tw2s": true, "s2hk": true,
	"hk2s": true, "s2twp": true, "tw2sp": true, "t2tw": true, "t2hk": true}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: occbench cases|corpus|convert|gocc [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	shared := fs.String("shared", "../shared", "the shared data directory")
	config := fs.String("c", "s2t", "conversion")
	writeDebian := fs.String("write-debian", "", "cases: write the testcases.json cases the Debian CLI passes to this file")
	diffs := fs.String("diffs", "", "corpus: write every differing line to this file")
	configs := fs.String("configs", "s2t,t2s,s2tw,tw2s,s2hk,hk2s,s2twp,tw2sp,t2tw,t2hk,tw2t,hk2t", "corpus: conversions to compare")
	withGocc := fs.Bool("gocc", false, "corpus: also count raw gocc's differing lines (slow)")
	_ = fs.Parse(os.Args[2:])
	var err error
	switch os.Args[1] {
	case "cases":
		err = cases(*shared, *writeDebian)
	case "corpus":
		err = corpus(*shared, strings.Split(*configs, ","), *diffs, *withGocc)
	case "convert":
		var c *script.Converter
		if c, err = script.NewConverter(*config); err == nil {
			err = c.ConvertReader(os.Stdout, os.Stdin)
		}
	case "gocc":
		err = goccStream(*config, os.Stdin, os.Stdout)
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "occbench:", err)
		os.Exit(1)
	}
}

// engine converts a batch of single-line inputs.
type engine func(config string, inputs []string) ([]string, error)

func zhpolicyEngine(config string, inputs []string) ([]string, error) {
	c, err := script.NewConverter(config)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(inputs))
	for i, s := range inputs {
		out[i] = c.Convert(s)
	}
	return out, nil
}

func goccEngine(config string, inputs []string) ([]string, error) {
	if !goccConfigs[config] {
		return nil, errors.ErrUnsupported
	}
	cc, err := gocc.New(config)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(inputs))
	for i, s := range inputs {
		if out[i], err = cc.Convert(s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func openccEngine(config string, inputs []string) ([]string, error) {
	if _, err := os.Stat(filepath.Join("/usr/share/opencc", config+".json")); err != nil {
		return nil, errors.ErrUnsupported
	}
	cmd := exec.Command("opencc", "-c", config+".json")
	cmd.Stdin = strings.NewReader(strings.Join(inputs, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("opencc %s: %v: %s", config, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(inputs) {
		return nil, fmt.Errorf("opencc %s: %d lines out for %d in", config, len(lines), len(inputs))
	}
	return lines, nil
}

type caseSet struct {
	ids, inputs, want []string
}

func cases(shared, writeDebian string) error {
	dir := filepath.Join(shared, "bench", "opencc")
	if _, err := os.Stat(dir); err != nil {
		fmt.Println("skipped: no", dir)
		return nil
	}
	engines := []struct {
		name string
		f    engine
	}{{"zhpolicy", zhpolicyEngine}, {"gocc", goccEngine}, {"opencc 1.1.6 (Debian)", openccEngine}}
	if _, err := exec.LookPath("opencc"); err != nil {
		engines = engines[:2]
		fmt.Println("(opencc CLI not found: its column is left out)")
	}
	// OpenCC 1.1.6's own cases.
	v116 := map[string]*caseSet{}
	for _, config := range script.Configs() {
		in, err1 := os.ReadFile(filepath.Join(dir, "v1.1.6", config+".in"))
		ans, err2 := os.ReadFile(filepath.Join(dir, "v1.1.6", config+".ans"))
		if err1 != nil || err2 != nil {
			continue
		}
		ins, want := lines(string(in)), lines(string(ans))
		cs := &caseSet{inputs: ins, want: want}
		for i := range ins {
			cs.ids = append(cs.ids, fmt.Sprintf("%s:%d", config, i+1))
		}
		v116[config] = cs
	}
	fmt.Println("### OpenCC 1.1.6 test cases (v1.1.6/CONFIG.in, .ans)")
	if _, err := table(v116, engines, nil); err != nil {
		return err
	}
	// testcases.json.
	data, err := os.ReadFile(filepath.Join(dir, "testcases.json"))
	if err != nil {
		return err
	}
	data = regexp.MustCompile(`,(\s*[}\]])`).ReplaceAll(data, []byte("$1"))
	var doc struct {
		Cases []struct {
			ID       string            `json:"id"`
			Input    string            `json:"input"`
			Expected map[string]string `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("testcases.json: %w", err)
	}
	sets := map[string]*caseSet{}
	for _, c := range doc.Cases {
		for config, want := range c.Expected {
			if script.Describe(config) == "" {
				continue
			}
			cs := sets[config]
			if cs == nil {
				cs = &caseSet{}
				sets[config] = cs
			}
			cs.ids = append(cs.ids, c.ID)
			cs.inputs = append(cs.inputs, c.Input)
			cs.want = append(cs.want, want)
		}
	}
	fmt.Println()
	fmt.Println("### OpenCC testcases.json (newer than 1.1.6), conversions zhpolicy offers")
	passed, err := table(sets, engines, func(engine string) bool { return strings.HasPrefix(engine, "opencc") })
	if err != nil {
		return err
	}
	if writeDebian != "" && len(engines) == 3 {
		var b strings.Builder
		b.WriteString("# testcases.json cases (../shared/bench/opencc) that the Debian opencc 1.1.6 CLI passes,\n")
		b.WriteString("# per conversion. Written by `bench/convert/run.sh cases`; read by pkg/script's tests.\n")
		for _, config := range script.Configs() {
			if ids, ok := passed[config]; ok {
				fmt.Fprintf(&b, "%s\t%s\n", config, strings.Join(ids, " "))
			}
		}
		return os.WriteFile(writeDebian, []byte(b.String()), 0o644)
	}
	return nil
}

// table prints one row per conversion with each engine's passes; it returns
// the IDs passed by the engine that keep selects.
func table(sets map[string]*caseSet, engines []struct {
	name string
	f    engine
}, keep func(string) bool) (map[string][]string, error) {
	kept := map[string][]string{}
	fmt.Printf("| conversion | cases |")
	for _, e := range engines {
		fmt.Printf(" %s |", e.name)
	}
	fmt.Printf("\n|---|---|")
	for range engines {
		fmt.Printf("---|")
	}
	fmt.Println()
	totals := make([]int, len(engines))
	supported := make([]int, len(engines))
	all := 0
	for _, config := range script.Configs() {
		cs := sets[config]
		if cs == nil {
			continue
		}
		all += len(cs.inputs)
		fmt.Printf("| %s | %d |", config, len(cs.inputs))
		for i, e := range engines {
			out, err := e.f(config, cs.inputs)
			if errors.Is(err, errors.ErrUnsupported) {
				fmt.Printf(" — |")
				continue
			}
			if err != nil {
				return nil, err
			}
			n := 0
			var ids []string
			for j := range out {
				if out[j] == cs.want[j] {
					n++
					ids = append(ids, cs.ids[j])
				}
			}
			if keep != nil && keep(e.name) {
				kept[config] = ids
			}
			totals[i] += n
			supported[i] += len(cs.inputs)
			fmt.Printf(" %d |", n)
		}
		fmt.Println()
	}
	fmt.Printf("| **all** | %d |", all)
	for i := range engines {
		fmt.Printf(" %d/%d |", totals[i], supported[i])
	}
	fmt.Println()
	return kept, nil
}

func lines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func corpus(shared string, configs []string, diffsPath string, withGocc bool) error {
	dir := filepath.Join(shared, "corpus")
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		fmt.Println("skipped: no corpus in", dir)
		return nil
	}
	if _, err := exec.LookPath("opencc"); err != nil {
		fmt.Println("skipped: no opencc CLI")
		return nil
	}
	sort.Strings(files)
	var diffOut io.Writer = io.Discard
	if diffsPath != "" {
		f, err := os.Create(diffsPath)
		if err != nil {
			return err
		}
		defer f.Close()
		diffOut = f
	}
	fmt.Printf("%d files under %s\n\n", len(files), dir)
	if withGocc {
		fmt.Println("| conversion | lines | differing from opencc: zhpolicy | rate | raw gocc | rate |")
		fmt.Println("|---|---|---|---|---|---|")
	} else {
		fmt.Println("| conversion | lines | differing from opencc: zhpolicy | rate |")
		fmt.Println("|---|---|---|---|")
	}
	for _, config := range configs {
		c, err := script.NewConverter(config)
		if err != nil {
			return err
		}
		var cc *gocc.OpenCC
		if withGocc && goccConfigs[config] {
			if cc, err = gocc.New(config); err != nil {
				return err
			}
		}
		total, differ, goccDiffer := 0, 0, 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			ref, err := exec.Command("opencc", "-c", config+".json", "-i", f).Output()
			if err != nil {
				return fmt.Errorf("opencc %s %s: %w", config, f, err)
			}
			var ours bytes.Buffer
			if err := c.ConvertReader(&ours, bytes.NewReader(data)); err != nil {
				return err
			}
			in, a, b := splitKeep(string(data)), splitKeep(string(ref)), splitKeep(ours.String())
			if len(a) != len(in) || len(b) != len(in) {
				return fmt.Errorf("%s %s: %d lines in, opencc %d, zhpolicy %d", config, f, len(in), len(a), len(b))
			}
			for i := range in {
				total++
				if a[i] != b[i] {
					differ++
					fmt.Fprintf(diffOut, "%s\t%s:%d\n\tin:       %q\n\topencc:   %q\n\tzhpolicy: %q\n", config, f, i+1, in[i], a[i], b[i])
				}
				if cc != nil {
					g, err := cc.Convert(in[i])
					if err != nil {
						return err
					}
					if g != a[i] {
						goccDiffer++
					}
				}
			}
		}
		rate := 100 * float64(differ) / float64(total)
		if withGocc {
			g := "—"
			if cc != nil {
				g = fmt.Sprintf("%d | %.3f%%", goccDiffer, 100*float64(goccDiffer)/float64(total))
			} else {
				g += " | —"
			}
			fmt.Printf("| %s | %d | %d | %.3f%% | %s |\n", config, total, differ, rate, g)
		} else {
			fmt.Printf("| %s | %d | %d | %.3f%% |\n", config, total, differ, rate)
		}
	}
	return nil
}

// splitKeep splits s into lines, each with its ending (the last may have none).
func splitKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func goccStream(config string, r io.Reader, w io.Writer) error {
	cc, err := gocc.New(config)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(r, 1<<16)
	bw := bufio.NewWriterSize(w, 1<<16)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			out, cerr := cc.Convert(line)
			if cerr != nil {
				return cerr
			}
			if _, werr := bw.WriteString(out); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
	}
}
