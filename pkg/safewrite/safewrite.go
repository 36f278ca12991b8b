// Package safewrite writes the files zhpolicy is asked to write without
// ever losing or replacing data it should not:
//
//   - Create writes an output file (-o, --out-dir). A regular file (or a
//     new one) is written to a temporary file beside it, synced and renamed
//     over it, so readers see the old or the new file, never half of one; a
//     symbolic link is followed to its target; anything that is not a
//     regular file (a device such as /dev/null, a FIFO, /dev/stdout) is
//     written straight, never replaced by a regular file. A new file gets
//     the usual mode (0666 less the umask), never the input's.
//   - Replace rewrites a file that was read before (--in-place, --fix):
//     before the rename it checks that the file has not changed since it
//     was read (size, modification time and a SHA-256 of the content) and
//     refuses if it has, so a concurrent edit is never lost; the new file
//     keeps the mode, owner and group of the old; a file with several hard
//     links is refused (a rename would cut the other names off), as is
//     anything that is not a regular file.
//
// Temporary files are named ".NAME.zhpolicy-RANDOM" in the target's
// directory and removed on every failure and on cancellation; Stale finds
// those left by a process that was killed.
package safewrite

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// TempMark is in the name of every temporary file: ".NAME" + TempMark + random.
const TempMark = ".zhpolicy-"

// Snapshot is what was known of a file when it was read.
type Snapshot struct {
	Path    string // the file itself (symbolic links resolved)
	Size    int64
	ModTime time.Time
	Mode    fs.FileMode
	UID     int
	GID     int
	Links   int
	Sum     [sha256.Size]byte
}

// Hasher computes the content digest of a Snapshot while the content is
// read: wrap the reader with it, then call Snapshot.
type Hasher struct {
	h    hashWriter
	path string
	info fs.FileInfo
}

type hashWriter interface {
	io.Writer
	Sum([]byte) []byte
}

// Open opens a file to read it for a later Replace: it resolves symbolic
// links and refuses what Replace would refuse (not a regular file, several
// hard links), before any work is done. Read the file through the returned
// reader, then call Snapshot.
func Open(path string) (*os.File, *Hasher, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	f, err := os.Open(target)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if err := replaceable(path, info); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, &Hasher{h: sha256.New(), path: target, info: info}, nil
}

// Reader returns r with every byte read through it added to the digest.
func (h *Hasher) Reader(r io.Reader) io.Reader { return io.TeeReader(r, h.h) }

// Snapshot is the file as read (call it after reading all of it).
func (h *Hasher) Snapshot() Snapshot {
	s := Snapshot{Path: h.path, Size: h.info.Size(), ModTime: h.info.ModTime(), Mode: h.info.Mode(), UID: -1, GID: -1, Links: 1}
	if st, ok := h.info.Sys().(*syscall.Stat_t); ok {
		s.UID, s.GID, s.Links = int(st.Uid), int(st.Gid), int(st.Nlink)
	}
	copy(s.Sum[:], h.h.Sum(nil))
	return s
}

// SnapshotOf reads a whole file and returns its content with its snapshot.
func SnapshotOf(path string) ([]byte, Snapshot, error) {
	f, h, err := Open(path)
	if err != nil {
		return nil, Snapshot{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(h.Reader(f))
	if err != nil {
		return nil, Snapshot{}, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	return data, h.Snapshot(), nil
}

func replaceable(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file (%s); it is not rewritten in place", name, kind(info.Mode()))
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return fmt.Errorf("%s: has %d hard links; rewriting it would leave the other names with the old text, so it is not rewritten in place (write a copy with -o instead)", name, st.Nlink)
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	}
	return "not a regular file"
}

// Snapshot returns s: a Snapshot is its own Source.
func (s Snapshot) Snapshot() Snapshot { return s }

// Source gives the snapshot of a file read: a Snapshot, or a Hasher whose
// snapshot is complete once the file has been read through it.
type Source interface {
	Snapshot() Snapshot
}

// ErrChanged is returned by Replace when the file changed after it was
// read.
var ErrChanged = errors.New("changed since it was read")

// Replace rewrites the file read through src with what write produces, if
// the file is as it was when read (src's snapshot is taken after write
// returns: write may be what reads the file to its end). write may report
// that nothing changed: the file is then left as it is. The context's
// cancellation stops before the rename and removes the temporary file.
func Replace(ctx context.Context, name string, src Source, write func(io.Writer) (changed bool, err error)) error {
	snap := src.Snapshot()
	tmp, err := createTemp(snap.Path, snap.Mode.Perm())
	if err != nil {
		return fmt.Errorf("%s: cannot create a temporary file beside it: %w", name, pathErr(err))
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	changed, err := write(bw)
	if err != nil {
		return err
	}
	if !changed {
		return nil
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", name, pathErr(err))
	}
	snap = src.Snapshot() // the content is read by now
	// keep the owner (when we may) and the mode of the old file
	if snap.UID >= 0 {
		if err := tmp.Chown(snap.UID, snap.GID); err != nil && !errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%s: cannot keep its owner: %w", name, pathErr(err))
		}
	}
	if err := tmp.Chmod(snap.Mode.Perm()); err != nil {
		return fmt.Errorf("%s: cannot keep its mode: %w", name, pathErr(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", name, pathErr(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", name, pathErr(err))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := unchanged(snap); err != nil {
		return fmt.Errorf("%s: %w: not modified (run again to work on the new content)", name, err)
	}
	if err := os.Rename(tmp.Name(), snap.Path); err != nil {
		return fmt.Errorf("%s: %w", name, pathErr(err))
	}
	committed = true
	syncDir(filepath.Dir(snap.Path))
	return nil
}

// unchanged checks that the file is the one snap describes.
func unchanged(snap Snapshot) error {
	info, err := os.Lstat(snap.Path)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrChanged, pathErr(err))
	}
	if !info.Mode().IsRegular() || info.Size() != snap.Size || !info.ModTime().Equal(snap.ModTime) {
		return ErrChanged
	}
	f, err := os.Open(snap.Path)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrChanged, pathErr(err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("%w (%v)", ErrChanged, pathErr(err))
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	if sum != snap.Sum {
		return ErrChanged
	}
	return nil
}

// Create writes an output file at path with what write produces (see the
// package comment for how each kind of target is handled). A directory is
// refused.
func Create(ctx context.Context, path string, write func(io.Writer) error) error {
	target, info, err := destination(path)
	if err != nil {
		return err
	}
	if info != nil && !info.Mode().IsRegular() {
		return straight(path, target, write)
	}
	perm := fs.FileMode(0o666) // less the umask, applied by the kernel
	existing := info != nil
	if existing {
		perm = info.Mode().Perm()
	}
	tmp, err := createTemp(target, perm)
	if err != nil {
		return fmt.Errorf("%s: cannot create a temporary file beside it: %w", path, pathErr(err))
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, pathErr(err))
	}
	if existing {
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			_ = tmp.Chown(int(st.Uid), int(st.Gid)) // best effort: keep the owner of the file replaced
		}
		if err := tmp.Chmod(perm); err != nil {
			return fmt.Errorf("%s: %w", path, pathErr(err))
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, pathErr(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, pathErr(err))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	committed = true
	syncDir(filepath.Dir(target))
	return nil
}

// destination resolves the output path of Create: the file a symbolic link
// points to, and its FileInfo when it exists (nil when it does not). A
// directory, or a path that cannot be looked at, is an error naming path.
func destination(path string) (target string, info fs.FileInfo, err error) {
	target = path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	info, err = os.Stat(target)
	switch {
	case err == nil && info.IsDir():
		return "", nil, fmt.Errorf("%s: is a directory", path)
	case err == nil:
		return target, info, nil
	case errors.Is(err, fs.ErrNotExist):
		return target, nil, nil
	}
	return "", nil, fmt.Errorf("%s: %w", path, pathErr(err))
}

// Check tells, before any work is done, whether Create could write path:
// it is not a directory, and a temporary file can be made beside it (made
// and removed at once). A file that is not a regular file (a pipe,
// /dev/null) is not opened: Create writes it as it is and reports its own
// error. A run that reads a corpus for minutes calls Check first, so that a
// mistyped output directory fails at once and not after the work.
func Check(path string) error {
	target, info, err := destination(path)
	if err != nil || (info != nil && !info.Mode().IsRegular()) {
		return err
	}
	tmp, err := createTemp(target, 0o600)
	if err != nil {
		return fmt.Errorf("%s: cannot create a temporary file beside it: %w", path, pathErr(err))
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

// straight writes to a file that is not a regular file, as it is.
func straight(path, target string, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, pathErr(err))
	}
	return nil
}

// createTemp creates a new, empty temporary file beside target, with perm
// (less the umask): os.CreateTemp would give 0600.
func createTemp(target string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+TempMark+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("no free temporary name")
}

// syncDir makes a rename durable (best effort: not every file system can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Stale lists the temporary files a killed zhpolicy left beside the given
// files: ".NAME.zhpolicy-RANDOM" for each NAME among them, older than a
// minute (younger ones may belong to a run going on now).
func Stale(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		dir, base := filepath.Split(p)
		if dir == "" {
			dir = "."
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+TempMark+"*"))
		for _, m := range matches {
			if seen[m] {
				continue
			}
			seen[m] = true
			if info, err := os.Lstat(m); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > time.Minute {
				out = append(out, m)
			}
		}
	}
	return out
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
