package input

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultExts are the extensions a directory walk takes when
// ExpandOptions.Exts and ExpandOptions.Include are empty.
const DefaultExts = ".txt .md .markdown .html .htm .docx .pdf .ofd .doc .wps .xlsx .odt .fodt .rtf"

// ExpandOptions select the files taken from directories.
type ExpandOptions struct {
	Include []string // glob patterns on the base name (e.g. "*.txt"); empty = default extensions
	Exclude []string // glob patterns on base name or relative path; matching files/dirs skipped
	Exts    []string // default: DefaultExts
}

// Expand turns the command-line arguments into an ordered list of sources.
//
//   - "-" is standard input (Path "-", Size -1), taken once however often given.
//   - A file is taken as given, whatever its extension (Read decides whether
//     it is supported), unless an Exclude pattern matches it.
//   - A directory is walked recursively in lexical order. Hidden files and
//     directories (".git", ".DS_Store") and Office lock files ("~$a.docx")
//     are skipped, as are files and directories matching an Exclude pattern.
//     A file is taken when its extension is in Exts (case-insensitive; the
//     DefaultExts when neither Exts nor Include is set) or its base name
//     matches an Include pattern. Symbolic links to files are followed,
//     links to directories are not.
//
// Patterns use path.Match syntax. An Exclude pattern matches a file or
// directory by its base name, by its path relative to the directory given
// on the command line ("drafts/*.txt"), or by its path as shown
// ("reports/drafts"); a trailing "/" restricts it to directories.
// An Include pattern matches the base name, case-insensitively.
//
// A path is taken once, at its first appearance. A nonexistent argument,
// an unreadable directory, a directory in which the walk takes no file (an
// *Error of kind ErrNoDocuments: a typo'd folder or one of .csv files must
// not pass for an empty corpus) or a malformed pattern gives an *Error in
// errs ("missing.txt: no such file or directory") and the other arguments
// are still expanded. Given the same tree, the result is always the same.
func Expand(args []string, opts ExpandOptions) (srcs []Source, errs []error) {
	e := expander{seen: make(map[string]bool)}
	e.include = e.patterns(opts.Include, "include")
	e.exclude = e.patterns(opts.Exclude, "exclude")
	exts := opts.Exts
	if len(exts) == 0 && len(e.include) == 0 {
		exts = strings.Fields(DefaultExts)
	}
	e.exts = make(map[string]bool, len(exts))
	for _, x := range exts {
		x = strings.ToLower(strings.TrimSpace(x))
		if x == "" {
			continue
		}
		if !strings.HasPrefix(x, ".") {
			x = "." + x
		}
		e.exts[x] = true
	}
	for _, arg := range args {
		e.arg(arg)
	}
	return e.srcs, e.errs
}

type expander struct {
	include []string
	exclude []string
	exts    map[string]bool
	seen    map[string]bool
	srcs    []Source
	errs    []error
}

// patterns checks glob patterns, reporting malformed ones.
func (e *expander) patterns(pats []string, what string) []string {
	ok := make([]string, 0, len(pats))
	for _, p := range pats {
		if _, err := path.Match(strings.TrimSuffix(p, "/"), ""); err != nil || p == "" {
			e.errs = append(e.errs, &Error{Path: fmt.Sprintf("%q", p), Err: err,
				msg: fmt.Sprintf("malformed %s pattern; use * ? [a-z] as in path.Match", what)})
			continue
		}
		ok = append(ok, p)
	}
	return ok
}

func (e *expander) add(p string, size int64) {
	key := p
	if !isStdin(p) {
		key = filepath.Clean(p)
	}
	if e.seen[key] {
		return
	}
	e.seen[key] = true
	e.srcs = append(e.srcs, Source{Path: p, Size: size})
}

func (e *expander) arg(arg string) {
	if arg == "-" {
		e.add("-", -1)
		return
	}
	if arg == "" {
		e.errs = append(e.errs, &Error{Path: `""`, msg: "empty path"})
		return
	}
	info, err := os.Stat(arg)
	if err != nil {
		e.errs = append(e.errs, pathError(arg, err))
		return
	}
	if !info.IsDir() {
		if e.excluded(arg, filepath.Base(arg), false) {
			return
		}
		e.add(arg, sizeOf(info))
		return
	}
	e.walk(arg)
}

func (e *expander) walk(root string) {
	taken := 0 // files the walk takes, counted before duplicates are dropped
	defer func() {
		if taken == 0 {
			e.errs = append(e.errs, e.noDocuments(root))
		}
	}()
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			e.errs = append(e.errs, pathError(p, err))
			if d != nil && d.IsDir() && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			rel = p
		}
		if e.excludedRel(p, filepath.ToSlash(rel), name, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !e.wanted(name) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				e.errs = append(e.errs, pathError(p, err))
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil // links to directories are not followed
			}
			taken++
			e.add(p, info.Size())
			return nil
		}
		if !d.Type().IsRegular() {
			return nil // sockets, pipes, devices
		}
		info, err := d.Info()
		if err != nil {
			e.errs = append(e.errs, pathError(p, err))
			return nil
		}
		taken++
		e.add(p, info.Size())
		return nil
	})
}

// noDocuments is the error for a directory in which the walk took no file.
func (e *expander) noDocuments(root string) *Error {
	msg := "no documents in this directory (taken: " + e.takenList() + ")"
	if len(e.exclude) > 0 {
		msg += " once --exclude " + strings.Join(e.exclude, ",") + " is applied"
	}
	if len(e.include) == 0 {
		msg += "; use --include to take files of other names"
	}
	return &Error{Path: root, Kind: ErrNoDocuments, msg: msg}
}

// takenList says which files a walk takes: the Include patterns, then the
// extensions, in the order they are documented.
func (e *expander) takenList() string {
	var parts []string
	parts = append(parts, e.include...)
	for _, x := range strings.Fields(DefaultExts) {
		if e.exts[x] {
			parts = append(parts, "*"+x)
		}
	}
	var other []string
	for x := range e.exts {
		if !strings.Contains(" "+DefaultExts+" ", " "+x+" ") {
			other = append(other, "*"+x)
		}
	}
	sort.Strings(other)
	return strings.Join(append(parts, other...), " ")
}

// wanted reports whether a walked file is taken by extension or Include.
func (e *expander) wanted(name string) bool {
	if e.exts[strings.ToLower(filepath.Ext(name))] {
		return true
	}
	lower := strings.ToLower(name)
	for _, p := range e.include {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
		if ok, _ := path.Match(strings.ToLower(p), lower); ok {
			return true
		}
	}
	return false
}

// excluded matches an argument given on the command line.
func (e *expander) excluded(shown, name string, isDir bool) bool {
	return e.excludedRel(shown, "", name, isDir)
}

// excludedRel matches a walked path: shown as the user sees it, rel
// relative to the walk root (slash-separated), name its base name.
func (e *expander) excludedRel(shown, rel, name string, isDir bool) bool {
	shown = filepath.ToSlash(shown)
	for _, p := range e.exclude {
		if strings.HasSuffix(p, "/") {
			if !isDir {
				continue
			}
			p = strings.TrimSuffix(p, "/")
		}
		if ok, _ := path.Match(p, name); ok {
			return true
		}
		if rel != "" {
			if ok, _ := path.Match(p, rel); ok {
				return true
			}
		}
		if ok, _ := path.Match(p, shown); ok {
			return true
		}
	}
	return false
}

func sizeOf(info fs.FileInfo) int64 {
	if info.Mode().IsRegular() {
		return info.Size()
	}
	return -1
}
