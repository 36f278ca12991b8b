package check_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/cmd/check"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

type runOpts struct {
	dir    string // working directory (the repository root when empty)
	stdin  string
	tty    bool
	colour bool
}

type result struct {
	Stdout, Stderr string
	Code           int
}

// run executes `zhpolicy args...` in-process.
func run(t *testing.T, o runOpts, args ...string) result {
	t.Helper()
	r := clitest.Run(t, clitest.Options{Dir: o.dir, Stdin: o.stdin, StdoutTTY: o.tty, Colour: o.colour}, args...)
	return result{r.Stdout, r.Stderr, r.Code}
}

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *check.Options)
	}{
		{args: []string{"docs"}, check: func(t *testing.T, o *check.Options) {
			if o.Config != "" || o.FailOn != "" || o.Fix || o.DryRun || o.Init || len(o.Paths) != 1 {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--config", "c.yaml", "--fail-on", "warning", "--fix", "--dry-run", "--only", "width,term", "a", "b"},
			check: func(t *testing.T, o *check.Options) {
				if o.Config != "c.yaml" || o.FailOn != "warning" || !o.Fix || !o.DryRun || strings.Join(o.Only, ",") != "width,term" || len(o.Paths) != 2 {
					t.Errorf("parsed: %+v", o)
				}
			}},
		{args: []string{"--rules", "r.yaml"}, check: func(t *testing.T, o *check.Options) {
			if o.Config != "r.yaml" {
				t.Errorf("--rules is --config: %+v", o)
			}
		}},
		{args: []string{"--init", "--force"}, check: func(t *testing.T, o *check.Options) {
			if !o.Init || !o.Force {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--fail-on", "fatal"}, wantErr: "invalid --fail-on"},
		{args: []string{"--dry-run"}, wantErr: "--dry-run works with --fix"},
		{args: []string{"--force"}, wantErr: "--force works with --init"},
		{args: []string{"--only", "spelling"}, wantErr: `invalid --only "spelling"`},
		{args: []string{"--no-config", "--config", "x"}, wantErr: "cannot be used together"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, check.NewCmdCheck, nil, tt.args)
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("err = %v, want a flag error with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.New(ios, "test")
	cmd := check.NewCmdCheck(f, func(*check.Options) error { return nil })
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc)
	cmd.SetArgs([]string{"--format", "yaml"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "invalid --format") {
		t.Errorf("--format yaml: %v", err)
	}
}

// Every rule has a positive and a negative fixture in
// testdata/check/rules/<rule>; the output of each is a golden file.
func TestRuleGoldens(t *testing.T) {
	rulesDir := filepath.Join(clitest.RepoRoot(t), "testdata", "check", "rules")
	for _, id := range lint.RuleIDs() {
		t.Run(id, func(t *testing.T) {
			dir := filepath.Join(rulesDir, id)
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("no fixtures for rule %s: %v", id, err)
			}
			cfg := []string{"--no-config"}
			if _, err := os.Stat(filepath.Join(dir, "config.yaml")); err == nil {
				cfg = []string{"--config", "config.yaml"}
			}
			for _, kind := range []string{"positive", "negative"} {
				var inputs []string
				for _, e := range entries {
					if strings.HasPrefix(e.Name(), kind) {
						inputs = append(inputs, e.Name())
					}
				}
				if len(inputs) == 0 {
					t.Fatalf("rule %s has no %s fixture", id, kind)
				}
				args := append([]string{"check", "--only", id}, cfg...)
				r := run(t, runOpts{dir: dir}, append(args, inputs...)...)
				clitest.Golden(t, "check/rules/"+id+"."+kind+".txt", r.Stdout)
				n := strings.Count(r.Stdout, " "+id+": ")
				if kind == "positive" && (n == 0 || n != strings.Count(r.Stdout, "\n")) {
					t.Errorf("positive fixture gave %d %s findings:\n%s%s", n, id, r.Stdout, r.Stderr)
				}
				if kind == "negative" && (r.Stdout != "" || r.Code != 0) {
					t.Errorf("negative fixture: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
				}
				if kind == "positive" {
					sev, _ := lint.LookupRule(id)
					wantCode := 0
					if strings.Contains(r.Stdout, ": error "+id) {
						wantCode = 1
					}
					if r.Code != wantCode {
						t.Errorf("positive fixture (default %s): exit %d, want %d", sev.Default, r.Code, wantCode)
					}
				}
			}
		})
	}
}

func corpusArgs(args ...string) []string {
	return append([]string{"check", "--config", "testdata/check/corpus.yaml"}, append(args, "testdata/check/corpus")...)
}

func TestFormatGoldens(t *testing.T) {
	formats := map[string]string{
		"text": "txt", "json": "json", "jsonl": "jsonl", "csv": "csv", "tsv": "tsv",
		"markdown": "md", "github": "github.txt", "junit": "xml", "sarif": "sarif.json",
	}
	for format, ext := range formats {
		t.Run(format, func(t *testing.T) {
			r := run(t, runOpts{}, corpusArgs("--format", format)...)
			if r.Code != 1 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			clitest.Golden(t, "check/formats/corpus."+ext, r.Stdout)
		})
	}
	t.Run("terminal", func(t *testing.T) {
		r := run(t, runOpts{tty: true}, corpusArgs()...)
		clitest.Golden(t, "check/formats/corpus.tty.txt", r.Stdout)
		c := run(t, runOpts{tty: true, colour: true}, corpusArgs()...)
		clitest.Golden(t, "check/formats/corpus.tty-colour.txt", c.Stdout)
		if !strings.Contains(c.Stdout, "\x1b[31merror") || strings.Contains(r.Stdout, "\x1b[") {
			t.Error("colour only when enabled")
		}
		if !strings.Contains(r.Stderr, "6 files checked: 9 errors, 13 warnings, 0 infos in 5 files (11 fixable with --fix)") {
			t.Errorf("summary: %q", r.Stderr)
		}
	})
	// The text lines are path:line:col: severity rule: message.
	r := run(t, runOpts{}, corpusArgs()...)
	line := regexp.MustCompile(`^[^:]+:\d+:\d+: (error|warning|info) [a-z-]+: .+$`)
	for _, l := range strings.Split(strings.TrimSuffix(r.Stdout, "\n"), "\n") {
		if !line.MatchString(l) {
			t.Errorf("not a compiler-style line: %q", l)
		}
	}
}

// The JSON findings point into the decoded files: line, column (in
// characters) and byte offset agree with each other and with the text.
func TestJSONPositions(t *testing.T) {
	r := run(t, runOpts{}, corpusArgs("--format", "json")...)
	var rep struct {
		Files    int
		Findings []lint.Finding
	}
	if err := json.Unmarshal([]byte(r.Stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Files != 6 || len(rep.Findings) != 22 {
		t.Fatalf("%d files, %d findings", rep.Files, len(rep.Findings))
	}
	for _, f := range rep.Findings {
		if f.Text == "" || strings.HasSuffix(f.File, "gbk.txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(clitest.RepoRoot(t), f.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if text[f.Offset:f.EndOffset] != f.Text {
			t.Errorf("%v: offsets give %q, want %q", f, text[f.Offset:f.EndOffset], f.Text)
		}
		lines := strings.Split(text, "\n")
		if got := []rune(lines[f.Line-1]); f.Column-1+len([]rune(f.Text)) > len(got) ||
			string(got[f.Column-1:f.Column-1+len([]rune(f.Text))]) != f.Text {
			t.Errorf("%v: line and column do not point at %q", f, f.Text)
		}
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaPath := filepath.Join(clitest.RepoRoot(t), "testdata", "check", "sarif", "sarif-2.1.0-rtm.5.json")
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(name, out string) {
		t.Helper()
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v", name, err)
		}
	}
	r := run(t, runOpts{}, corpusArgs("--format", "sarif")...)
	validate("corpus", r.Stdout)
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.Stdout), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 22 {
		t.Fatalf("SARIF log: %+v", log)
	}
	for _, res := range log.Runs[0].Results {
		if log.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex %d does not name %s", res.RuleIndex, res.RuleID)
		}
	}
	// No findings, and findings in files with awkward names, validate too.
	r = run(t, runOpts{}, "check", "--no-config", "--format", "sarif", "testdata/check/rules/width/negative.txt")
	validate("empty", r.Stdout)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "报告 #1:草稿%.txt"), []byte("发展,改革\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, runOpts{dir: dir}, "check", "--no-config", "--format", "sarif", ".")
	validate("awkward name", r.Stdout)
	if !strings.Contains(r.Stdout, `"uri": "./%E6%8A%A5%E5%91%8A%20%231:%E8%8D%89%E7%A8%BF%25.txt"`) {
		t.Errorf("URI not escaped: %s", r.Stdout)
	}
	// A document that is not SARIF must fail, or the test proves nothing.
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"results":[{"message":{"text":"x"},"level":"fatal"}]}]}`))
	if schema.Validate(inst) == nil {
		t.Error("the schema accepted an invalid log")
	}
}

// junit mirrors the common JUnit XML schema (Ant/Jenkins/Surefire).
type junit struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Time     string `xml:"time,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Time      string `xml:"time,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Errors    []struct{} `xml:"error"`
			SystemOut []string   `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitStructure(t *testing.T) {
	for _, failOn := range []string{"error", "warning", "none"} {
		r := run(t, runOpts{}, corpusArgs("--format", "junit", "--fail-on", failOn)...)
		if !strings.HasPrefix(r.Stdout, xml.Header) {
			t.Fatalf("no XML declaration: %.80q", r.Stdout)
		}
		var j junit
		dec := xml.NewDecoder(strings.NewReader(r.Stdout))
		dec.Strict = true
		if err := dec.Decode(&j); err != nil {
			t.Fatalf("--fail-on %s: not well-formed JUnit XML: %v", failOn, err)
		}
		tests, failures := 0, 0
		for _, s := range j.Suites {
			f := 0
			if s.Name == "" || s.Time == "" || s.Errors != 0 || s.Skipped != 0 || len(s.Cases) == 0 || s.Tests != len(s.Cases) {
				t.Errorf("suite %+v", s)
			}
			for _, c := range s.Cases {
				if c.Name == "" || c.Classname != s.Name || len(c.Failures) > 1 || len(c.Errors) != 0 {
					t.Errorf("testcase %+v", c)
				}
				if len(c.Failures) == 1 {
					f++
					fl := c.Failures[0]
					if fl.Message == "" || fl.Type == "" || !strings.HasPrefix(fl.Text, s.Name+":") {
						t.Errorf("failure %+v", fl)
					}
				}
			}
			if f != s.Failures {
				t.Errorf("suite %s: failures=%d, %d failure elements", s.Name, s.Failures, f)
			}
			tests += s.Tests
			failures += s.Failures
		}
		want := map[string]int{"error": 9, "warning": 22, "none": 0}[failOn]
		if j.Name == "" || j.Tests != tests || j.Failures != failures || failures != want || len(j.Suites) != 6 {
			t.Errorf("--fail-on %s: testsuites tests=%d failures=%d (counted %d, %d; want %d failures)", failOn, j.Tests, j.Failures, tests, failures, want)
		}
		// Round trip: re-encoding what was read gives the same document.
		var again bytes.Buffer
		enc := xml.NewEncoder(&again)
		enc.Indent("", "  ")
		if err := enc.Encode(j); err != nil {
			t.Fatal(err)
		}
		var j2 junit
		if err := xml.Unmarshal(again.Bytes(), &j2); err != nil || fmt.Sprint(j2) != fmt.Sprint(j) {
			t.Errorf("round trip differs: %v", err)
		}
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFix(t *testing.T) {
	repo := clitest.RepoRoot(t)
	dir := t.TempDir()
	copyTree(t, filepath.Join(repo, "testdata", "check", "corpus"), filepath.Join(dir, "corpus"))
	copyTree(t, filepath.Join(repo, "testdata", "check", "rules", "pinyin-annotation"), filepath.Join(dir, "pinyin"))
	cfg, err := os.ReadFile(filepath.Join(repo, "testdata", "check", "corpus.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".zhpolicy.yaml"), cfg, 0o600); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dir)

	// --dry-run prints the diff and changes nothing.
	dry := run(t, runOpts{dir: dir}, "check", "--fix", "--dry-run", "corpus", "pinyin")
	if dry.Code != 1 {
		t.Errorf("dry run: exit %d: %s", dry.Code, dry.Stderr)
	}
	clitest.Golden(t, "check/fix/dry-run.diff", dry.Stdout)
	if after := readTree(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("--dry-run changed files")
	}
	if !strings.Contains(dry.Stderr, "--fix would repair 17 findings in 5 files") {
		t.Errorf("dry-run summary: %s", dry.Stderr)
	}
	fix := run(t, runOpts{dir: dir}, "check", "--fix", "corpus", "pinyin")
	if fix.Code != 1 {
		t.Errorf("fix: exit %d: %s", fix.Code, fix.Stderr)
	}
	for _, want := range []string{
		"fixed corpus/report.md: 2 pinyin-annotation, 2 width",
		"corpus/legacy-gbk.txt: not fixed: it is encoded in GB18030",
		"fixed corpus/tw/speech.txt: 2 script-mix",
		"fixed pinyin/positive.txt: 6 pinyin-annotation",
	} {
		if !strings.Contains(fix.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, fix.Stderr)
		}
	}
	clitest.Golden(t, "check/fix/remaining.txt", fix.Stdout)
	fixed := readTree(t, dir)
	for _, name := range []string{"corpus/report.md", "corpus/notice.html", "corpus/tw/speech.txt", "pinyin/positive.txt"} {
		clitest.Golden(t, "check/fix/"+strings.ReplaceAll(name, "/", "_"), fixed[name])
	}
	// The dry-run diff is a real patch: applied to the originals, it gives
	// the files --fix wrote.
	if patch, err := exec.LookPath("patch"); err == nil {
		orig := t.TempDir()
		copyTree(t, filepath.Join(repo, "testdata", "check", "corpus"), filepath.Join(orig, "corpus"))
		copyTree(t, filepath.Join(repo, "testdata", "check", "rules", "pinyin-annotation"), filepath.Join(orig, "pinyin"))
		cmd := exec.Command(patch, "-p1", "-s")
		cmd.Dir = orig
		cmd.Stdin = strings.NewReader(dry.Stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v: %s", err, out)
		}
		patched := readTree(t, orig)
		for name, text := range patched {
			if fixed[name] != text {
				t.Errorf("%s: patched original differs from the --fix result", name)
			}
		}
	}
	if fixed["corpus/legacy-gbk.txt"] != before["corpus/legacy-gbk.txt"] || fixed["corpus/copy.txt"] != before["corpus/copy.txt"] {
		t.Error("files that cannot or need not be fixed were changed")
	}
	for name := range fixed {
		if strings.Contains(name, ".zhpolicy-") {
			t.Errorf("temporary file %s left behind", name)
		}
	}
	if st, err := os.Stat(filepath.Join(dir, ".zhpolicy.yaml")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("config touched: %v", err)
	}
	// Idempotent: a second --fix finds nothing to fix.
	again := run(t, runOpts{dir: dir}, "check", "--fix", "corpus", "pinyin")
	if strings.Contains(again.Stderr, "fixed ") || again.Stdout != fix.Stdout {
		t.Errorf("second --fix:\n%s\n%s", again.Stderr, again.Stdout)
	}
	if fmt.Sprint(readTree(t, dir)) != fmt.Sprint(fixed) {
		t.Error("second --fix changed files")
	}
	js := run(t, runOpts{dir: dir}, "check", "--format", "json", "corpus", "pinyin")
	var rep struct{ Findings []lint.Finding }
	if err := json.Unmarshal([]byte(js.Stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Fixable && !strings.HasSuffix(f.File, "gbk.txt") && !strings.HasSuffix(f.File, "copy.txt") {
			t.Errorf("fixable finding left after --fix: %v", f)
		}
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("warn.txt", "发展,改革\n")
	write("clean.txt", "发展，改革\n")
	write("bad.yaml", "version: 1\nrules:\n  width:\n    severty: error\n")
	write("sub/deeper/x.txt", "发展,改革\n")
	write("sub/.zhpolicy.yaml", "rules:\n  width: error\n")
	write("blob.txt", "a\x00b")
	tests := []struct {
		name    string
		dir     string
		args    []string
		code    int
		stdout  string // substring
		stderr  string // substring
		noStout bool
	}{
		{"clean", dir, []string{"check", "--no-config", "clean.txt"}, 0, "", "1 file checked: no problems found", true},
		{"warning below fail-on", dir, []string{"check", "--no-config", "warn.txt"}, 0, "warn.txt:1:3: warning width", "", false},
		{"fail-on warning", dir, []string{"check", "--no-config", "--fail-on", "warning", "warn.txt"}, 1, "warning width", "", false},
		{"fail-on none", dir, []string{"check", "--no-config", "--fail-on", "none", "blob.txt"}, 0, "error encoding", "", false},
		{"binary file is an encoding error", dir, []string{"check", "--no-config", "blob.txt"}, 1, "blob.txt:1:1: error encoding: not a text file", "", false},
		{"config error names the line", dir, []string{"check", "--config", "bad.yaml", "clean.txt"}, 2, "",
			`bad.yaml:4:5: unknown key "severty" in rules.width (did you mean "severity"?)`, true},
		{"missing config", dir, []string{"check", "--config", "nope.yaml"}, 2, "", "configuration nope.yaml: no such file", true},
		{"config found upward", filepath.Join(dir, "sub", "deeper"), []string{"check", "x.txt"}, 1, "x.txt:1:3: error width", "", false},
		{"--no-config ignores it", filepath.Join(dir, "sub", "deeper"), []string{"check", "--no-config", "x.txt"}, 0, "warning width", "", false},
		{"missing input", dir, []string{"check", "--no-config", "clean.txt", "missing.txt"}, 3, "", "missing.txt: no such file", true},
		{"missing input and findings", dir, []string{"check", "--no-config", "--fail-on", "warning", "warn.txt", "missing.txt"}, 3, "warning width", "1 input skipped, 1 findings", false},
		{"unknown rule", dir, []string{"check", "--only", "nope"}, 2, "", `invalid --only "nope"`, true},
		{"bad format", dir, []string{"check", "--format", "xml"}, 2, "", "invalid --format", true},
		{"stdin", dir, []string{"check", "--no-config", "-"}, 0, "<stdin>:1:3: warning width", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, runOpts{dir: tt.dir, stdin: "发展,改革\n"}, tt.args...)
			if r.Code != tt.code || !strings.Contains(r.Stdout, tt.stdout) || !strings.Contains(r.Stderr, tt.stderr) || tt.noStout && r.Stdout != "" {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", r.Code, tt.code, r.Stdout, r.Stderr)
			}
		})
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	r := run(t, runOpts{dir: dir}, "check", "--init")
	if r.Code != 0 || !strings.Contains(r.Stderr, "wrote .zhpolicy.yaml") {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".zhpolicy.yaml"))
	if err != nil || string(data) != lint.StarterConfig {
		t.Fatalf("starter file: %v", err)
	}
	if r := run(t, runOpts{dir: dir}, "check", "--init"); r.Code != 2 || !strings.Contains(r.Stderr, "already exists") {
		t.Errorf("second --init: exit %d: %s", r.Code, r.Stderr)
	}
	if r := run(t, runOpts{dir: dir}, "check", "--init", "--force"); r.Code != 0 {
		t.Errorf("--init --force: exit %d: %s", r.Code, r.Stderr)
	}
	// The starter file is used, and checks the empty directory cleanly.
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# 标题\n\n推动高质量发展。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, runOpts{dir: dir}, "check"); r.Code != 0 || r.Stdout != "" {
		t.Errorf("check with the starter file: exit %d: %s %s", r.Code, r.Stdout, r.Stderr)
	}
}

func TestListRules(t *testing.T) {
	r := run(t, runOpts{}, "check", "--list-rules", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if r.Code != 0 || len(lines) != len(lint.RuleIDs())+1 {
		t.Fatalf("exit %d: %s", r.Code, r.Stdout)
	}
	var ids []string
	for _, l := range lines[1:] {
		ids = append(ids, strings.SplitN(l, ",", 2)[0])
	}
	want := lint.RuleIDs()
	sort.Strings(ids)
	sort.Strings(want)
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("rules listed: %v", ids)
	}
}
