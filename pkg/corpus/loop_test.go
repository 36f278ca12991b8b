package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Every input is either processed or skipped and named, in input order,
// whatever the number of workers.
func TestRunOutcome(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "推动高质量发展。\n",
		"b.xls": "not walked: not a format that is read",
		"c.txt": "全面深化改革。\n",
		"d.bin": "abc\x00\x00\x00def",
	})
	srcs, pre := input.Expand([]string{filepath.Join(dir, "missing.txt"), dir, filepath.Join(dir, "d.bin")}, input.ExpandOptions{})
	for _, jobs := range []int{1, 4} {
		var events []Event
		var names []string
		cfg := Config{Jobs: jobs, Clean: true, Notify: func(e Event) { events = append(events, e) }}
		out, err := Run(context.Background(), cfg, srcs, pre,
			func(_ context.Context, d *Doc) (string, error) { return d.Text, nil },
			func(d *Doc, text string) error {
				names = append(names, filepath.Base(d.Name))
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"a.txt", "c.txt"}; !reflect.DeepEqual(names, want) {
			t.Errorf("-j %d: emitted %v, want %v", jobs, names, want)
		}
		if out.Docs != 2 || len(out.Skipped) != 2 {
			t.Errorf("-j %d: outcome %d docs, %d skipped (%v); want 2 and 2", jobs, out.Docs, len(out.Skipped), out.Skipped)
		}
		if len(events) != 2 || !errors.Is(events[0].Err, fs.ErrNotExist) || !strings.Contains(events[1].Err.Error(), "d.bin") {
			t.Errorf("-j %d: events %+v: want the missing file, then the binary one", jobs, events)
		}
	}
}

// A cancelled run stops and says so.
func TestRunCancelled(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "发展。\n", "b.txt": "改革。\n"})
	srcs, _ := input.Expand([]string{dir}, input.ExpandOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, Config{Jobs: 2}, srcs, nil,
		func(_ context.Context, d *Doc) (int, error) { return 0, nil },
		func(*Doc, int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func sharedCorpusText(t *testing.T, min int) string {
	t.Helper()
	var b strings.Builder
	for _, dir := range []string{testenv.Shared(t, "corpus", "gwr"), testenv.Shared(t, "corpus", "taiwan_presidential_office")} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
			if b.Len() > min {
				return b.String()
			}
		}
	}
	return b.String()
}

// Cutting in line-bounded blocks gives the tokens of one Cut, in every
// mode, on real documents; and the testdata sample when the shared corpus
// is absent.
func TestCutContextIsCut(t *testing.T) {
	text := sharedCorpusText(t, 3*cutBlock)
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []segment.Options{{}, {HMM: true, POS: true}, {Mode: segment.Search}} {
		want, err := seg.Cut(text, opts)
		if err != nil {
			t.Fatal(err)
		}
		got, err := CutContext(context.Background(), seg, text, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%+v: %d tokens in blocks, %d in one cut", opts, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%+v: token %d: %+v in blocks, %+v in one cut", opts, i, got[i], want[i])
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CutContext(ctx, seg, text, segment.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}
