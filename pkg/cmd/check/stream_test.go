package check_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/cmd/check"
)

// A plain-text file over the streaming size is checked in parts with the
// findings (every format's output) and the exit code of a whole-file check.
func TestPartsCheckAsTheWhole(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range []string{"municipal_report.txt", "pinyin_annotated.txt", "traditional_notice.txt"} {
		data, err := os.ReadFile(filepath.Join(root, "testdata", "sample", name))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n会(huì)议指出,要推进数字化转型和十三五规划，２０２４年“发展\u200B质量。\n")
		b.WriteString("这是一段从PDF中提取出来的很长的文字它没有在行末结束句子而且引号“跨越了两行\n到下一行才闭合”，（括号也是。\n\n")
	}
	text := b.String()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", []byte(text))
	write("b-copy.txt", []byte(text))
	write("c-bad.txt", []byte(strings.ReplaceAll(text, "质量", "质\xff\xfe量")))
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(text, "(huì)", ""))
	if err != nil {
		t.Fatal(err)
	}
	write("d-gb.txt", []byte(gb))
	write("small.txt", []byte("短文件。\n"))
	write(".zhpolicy.yaml", []byte(`version: 1
rules:
  size: {max: 1KiB}
  duplicate: {min-chars: 20}
terms:
  forbidden:
    - {term: 数字化转型, suggest: 数智化转型}
  outdated:
    - {old: 十三五规划, new: 十四五规划}
  required:
    - 高质量发展
    - 数据要素乘数
`))
	for _, format := range []string{"json", "text", "sarif"} {
		args := []string{"check", "--format", format, "."}
		whole := run(t, runOpts{dir: dir}, args...)
		restore := check.SetStreamSizes(len(text)/3, 2000)
		if !check.Streamable(filepath.Join(dir, "a.txt"), false) || check.Streamable(filepath.Join(dir, "small.txt"), false) {
			t.Fatal("a.txt is not checked in parts, or small.txt is")
		}
		parts := run(t, runOpts{dir: dir}, args...)
		restore()
		if whole.Code != 1 || parts.Code != whole.Code || parts.Stdout != whole.Stdout || parts.Stderr != whole.Stderr {
			t.Errorf("--format %s: in parts exit %d, stdout %d bytes; whole exit %d, %d bytes\nparts stderr: %s\nwhole stderr: %s",
				format, parts.Code, len(parts.Stdout), whole.Code, len(whole.Stdout), parts.Stderr, whole.Stderr)
			pl, wl := strings.Split(parts.Stdout, "\n"), strings.Split(whole.Stdout, "\n")
			for i := range min(len(pl), len(wl)) {
				if pl[i] != wl[i] {
					t.Errorf("first difference, line %d:\nparts %s\nwhole %s", i+1, pl[i], wl[i])
					break
				}
			}
		}
		// standard input over the streaming size: copied to a temporary
		// file and checked in parts
		stdinArgs := []string{"check", "--format", format, "-"}
		wholeIn := run(t, runOpts{dir: dir, stdin: text}, stdinArgs...)
		restore = check.SetStreamSizes(len(text)/3, 2000)
		spools := 0
		restoreHook := check.CountSpools(&spools)
		partsIn := run(t, runOpts{dir: dir, stdin: text}, stdinArgs...)
		restoreHook()
		restore()
		if spools != 1 {
			t.Errorf("standard input copied %d times to a temporary file", spools)
		}
		if wholeIn.Code != 1 || partsIn.Code != wholeIn.Code || partsIn.Stdout != wholeIn.Stdout || partsIn.Stderr != wholeIn.Stderr || !strings.Contains(wholeIn.Stdout, "stdin") {
			t.Errorf("--format %s, standard input: in parts exit %d, %d bytes; whole exit %d, %d bytes\n%.500s\n%.500s", format, partsIn.Code, len(partsIn.Stdout), wholeIn.Code, len(wholeIn.Stdout), partsIn.Stdout, partsIn.Stderr)
		}
		if format == "text" {
			for _, want := range []string{"b-copy.txt:1:1: warning duplicate", "c-bad.txt", "d-gb.txt:1:1: error encoding", "required term", "brackets", "script-mix", "size"} {
				if !strings.Contains(whole.Stdout, want) {
					t.Errorf("the test corpus has no %q finding:\n%.2000s", want, whole.Stdout)
				}
			}
		}
	}
}

// The whole shared corpus in one file (9 MB: Simplified notices and
// reports, Traditional speeches) gives the same findings checked in parts
// of 1 MiB as checked whole.
func TestSharedCorpusInParts(t *testing.T) {
	if testing.Short() {
		t.Skip("checks 9 MB twice")
	}
	corpus := testenv.Shared(t, "corpus")
	var files []string
	err := filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var b bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "all.txt"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "--no-config", "--format", "json", "--fail-on", "none", "all.txt"}
	whole := run(t, runOpts{dir: dir}, args...)
	restore := check.SetStreamSizes(1<<20, 1<<20)
	parts := run(t, runOpts{dir: dir}, args...)
	restore()
	if whole.Code != 0 || parts.Stdout != whole.Stdout {
		t.Errorf("in parts: %d bytes of findings; whole: %d (exit %d, %s)", len(parts.Stdout), len(whole.Stdout), whole.Code, whole.Stderr)
	}
	if len(whole.Stdout) < 10000 {
		t.Errorf("only %d bytes of findings", len(whole.Stdout))
	}
}
