package safewrite

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func write(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func replaceWith(s string) func(io.Writer) (bool, error) {
	return func(w io.Writer) (bool, error) { _, err := io.WriteString(w, s); return true, err }
}

func noTemp(t *testing.T, dir string) {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*"+TempMark+"*"))
	if len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCreateNewFileHasTheUsualMode(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	p := filepath.Join(dir, "out.txt")
	if err := Create(context.Background(), p, write("新")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o644 || read(t, p) != "新" {
		t.Errorf("mode %v, content %q; want 0644 and 新", st.Mode().Perm(), read(t, p))
	}
	noTemp(t, dir)
}

func TestCreateWritesStraightToAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Create(context.Background(), fifo, write("经 FIFO")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "经 FIFO" {
		t.Errorf("read %q from the FIFO", s)
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	noTemp(t, dir)
}

func TestCreateFollowsASymlinkToADevice(t *testing.T) {
	dir := t.TempDir()
	// As root, a device made here with /dev/null's numbers: a regression
	// (a temporary file renamed over the link's target) must not be able
	// to replace the system's /dev/null. Others cannot write in /dev.
	dev := "/dev/null"
	if os.Geteuid() == 0 {
		dev = filepath.Join(dir, "devnull")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skip("cannot make a device:", err)
		}
	}
	link := filepath.Join(dir, "null")
	if err := os.Symlink(dev, link); err != nil {
		t.Fatal(err)
	}
	if err := Create(context.Background(), link, write("x")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dev)
	if err != nil || st.Mode()&os.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device: %v", dev, err)
	}
	if l, err := os.Readlink(link); err != nil || l != dev {
		t.Errorf("the link was replaced: %q %v", l, err)
	}
}

func TestCreateReplacesASymlinksTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.txt")
	os.Symlink("target.txt", link)
	if err := Create(context.Background(), link, write("new")); err != nil {
		t.Fatal(err)
	}
	if read(t, target) != "new" {
		t.Errorf("target: %q", read(t, target))
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a file")
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("an existing file keeps its mode: %v", st.Mode().Perm())
	}
}

func TestCreateFailureLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	os.WriteFile(p, []byte("old"), 0o644)
	boom := errors.New("boom")
	if err := Create(context.Background(), p, func(w io.Writer) error { io.WriteString(w, "half"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if read(t, p) != "old" {
		t.Error("a failed write changed the file")
	}
	noTemp(t, dir)
	if err := Create(context.Background(), dir, write("x")); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a directory: %v", err)
	}
}

func TestReplaceRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.txt")
	os.WriteFile(p, []byte("发展\n"), 0o640)
	data, snap, err := SnapshotOf(p)
	if err != nil || string(data) != "发展\n" {
		t.Fatal(data, err)
	}
	// someone appends while we work
	f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("EDIT\n")
	f.Close()
	err = Replace(context.Background(), p, snap, replaceWith("發展\n"))
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), p) {
		t.Errorf("err = %v, want ErrChanged naming the file", err)
	}
	if read(t, p) != "发展\nEDIT\n" {
		t.Errorf("the concurrent edit was lost: %q", read(t, p))
	}
	noTemp(t, dir)

	// same size and time, other content: the digest tells
	os.WriteFile(p, []byte("abc"), 0o640)
	_, snap, _ = SnapshotOf(p)
	os.WriteFile(p, []byte("xyz"), 0o640)
	os.Chtimes(p, snap.ModTime, snap.ModTime)
	if err := Replace(context.Background(), p, snap, replaceWith("new")); !errors.Is(err, ErrChanged) {
		t.Errorf("same size and time: err = %v", err)
	}
}

func TestReplaceKeepsModeAndOwner(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.txt")
	os.WriteFile(p, []byte("a"), 0o640)
	root := os.Geteuid() == 0
	if root {
		if err := os.Chown(p, 1234, 2345); err != nil {
			t.Fatal(err)
		}
	}
	_, snap, err := SnapshotOf(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Replace(context.Background(), p, snap, replaceWith("b")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o640 || read(t, p) != "b" {
		t.Errorf("mode %v content %q", st.Mode().Perm(), read(t, p))
	}
	if s := st.Sys().(*syscall.Stat_t); root && (s.Uid != 1234 || s.Gid != 2345) {
		t.Errorf("owner %d:%d, want 1234:2345", s.Uid, s.Gid)
	}
}

func TestReplaceRefusesHardLinksAndNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.txt")
	os.WriteFile(p, []byte("a"), 0o644)
	os.Link(p, filepath.Join(dir, "other.txt"))
	if _, _, err := SnapshotOf(p); err == nil || !strings.Contains(err.Error(), "hard links") {
		t.Errorf("hard link: %v", err)
	}
	if _, _, err := SnapshotOf("/dev/null"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("device: %v", err)
	}
}

func TestReplaceUnchangedOrCancelled(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.txt")
	os.WriteFile(p, []byte("a"), 0o644)
	_, snap, _ := SnapshotOf(p)
	if err := Replace(context.Background(), p, snap, func(w io.Writer) (bool, error) { return false, nil }); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Replace(ctx, p, snap, replaceWith("b")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if read(t, p) != "a" {
		t.Error("changed")
	}
	noTemp(t, dir)
}

func TestStale(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a[1].txt")
	os.WriteFile(p, []byte("x"), 0o644)
	old := filepath.Join(dir, ".a[1].txt"+TempMark+"abc123")
	young := filepath.Join(dir, ".a[1].txt"+TempMark+"def456")
	os.WriteFile(old, []byte("x"), 0o600)
	os.WriteFile(young, []byte("x"), 0o600)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	got := Stale([]string{p})
	if len(got) != 1 || got[0] != old {
		t.Errorf("Stale = %v, want [%s]", got, old)
	}
}

// Check refuses what Create would refuse, before any work, and leaves
// nothing behind; it accepts a new file, an existing one and a device.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.html")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{filepath.Join(dir, "new.html"), existing, os.DevNull} {
		if err := Check(ok); err != nil {
			t.Errorf("Check(%s) = %v, want nil", ok, err)
		}
	}
	if read(t, existing) != "old" {
		t.Error("Check changed the existing file")
	}
	if _, err := os.Stat(filepath.Join(dir, "new.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Check created the new file: %v", err)
	}
	noTemp(t, dir)
	missing := filepath.Join(dir, "no", "such", "dir", "r.html")
	for path, want := range map[string]string{
		dir:     dir + ": is a directory",
		missing: missing + ": cannot create a temporary file beside it: ",
	} {
		err := Check(path)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Check(%s) = %v, want %q…", path, err, want)
		}
		cerr := Create(context.Background(), path, write("x"))
		if cerr == nil || !strings.HasPrefix(cerr.Error(), want) {
			t.Errorf("Create(%s) = %v, want the same error as Check", path, cerr)
		}
	}
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		if err := Check(filepath.Join(ro, "r.html")); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("Check in a read-only directory = %v, want permission denied", err)
		}
	}
}
