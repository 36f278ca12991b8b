package root_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"zhpolicy/internal/clitest"
	"zhpolicy/pkg/cmd/root"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/iostreams"
)

func commands(t *testing.T) []*cobra.Command {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		out = append(out, c)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root.NewCmdRoot(cmdutil.New(ios, "test")))
	return out
}

var (
	flagRef    = regexp.MustCompile(`(?:^|[\s(“"'` + "`" + `/,])(--[a-z][a-z0-9-]*)`)
	commandRef = regexp.MustCompile(`zhpolicy ([a-z]+)`)
)

// Every flag a help text names exists: on the command, or on the command
// the same line names (“as zhpolicy freq --min-len 2 does”).
func TestHelpNamesOnlyFlagsThatExist(t *testing.T) {
	cmds := commands(t)
	byName := map[string]*cobra.Command{}
	for _, c := range cmds {
		byName[c.Name()] = c
	}
	has := func(c *cobra.Command, name string) bool {
		return c.Flags().Lookup(name) != nil || c.InheritedFlags().Lookup(name) != nil ||
			name == "help" || name == "version"
	}
	for _, c := range cmds {
		for _, text := range []string{c.Short, c.Long, c.Example} {
			for _, line := range strings.Split(text, "\n") {
				refs := commandRef.FindAllStringSubmatchIndex(line, -1)
				for _, m := range flagRef.FindAllStringSubmatchIndex(line, -1) {
					name := line[m[2]+2 : m[3]]
					// a flag after "zhpolicy X" on the line belongs to X
					owner := c
					for _, r := range refs {
						if other, ok := byName[line[r[2]:r[3]]]; ok && r[0] < m[2] {
							owner = other
						}
					}
					if !has(owner, name) {
						t.Errorf("%s: help names --%s, which %s does not have: %q", c.CommandPath(), name, owner.CommandPath(), strings.TrimSpace(line))
					}
				}
			}
		}
	}
}

// Every example of every command runs, against testdata, and succeeds
// (exit 0, or 1 for the commands that report findings by it).
func TestExamplesRun(t *testing.T) {
	repo := clitest.RepoRoot(t)
	for _, c := range commands(t) {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			t.Run(line, func(t *testing.T) {
				dir := t.TempDir()
				if err := os.Symlink(filepath.Join(repo, "testdata"), filepath.Join(dir, "testdata")); err != nil {
					t.Fatal(err)
				}
				for _, step := range strings.Split(line, " && ") {
					runExample(t, dir, step)
				}
			})
		}
	}
}

// runExample runs one shell-like step: [echo 'text' |] zhpolicy args [> file].
func runExample(t *testing.T, dir, step string) {
	t.Helper()
	stdin := ""
	if pipe := strings.Index(step, " | zhpolicy "); pipe >= 0 {
		src := words(t, step[:pipe])
		step = step[pipe+3:]
		switch {
		case len(src) == 2 && src[0] == "echo":
			stdin = src[1] + "\n"
		case len(src) == 2 && src[0] == "cat":
			b, err := os.ReadFile(filepath.Join(dir, src[1]))
			if err != nil {
				t.Fatal(err)
			}
			stdin = string(b)
		default:
			t.Fatalf("examples may pipe only echo or cat into zhpolicy: %q", step)
		}
	}
	out := ""
	if i := strings.LastIndex(step, " > "); i >= 0 {
		out = strings.TrimSpace(step[i+3:])
		step = step[:i]
	}
	args := words(t, step)
	if len(args) == 0 || args[0] != "zhpolicy" {
		t.Fatalf("an example runs zhpolicy: %q", step)
	}
	r := clitest.Run(t, clitest.Options{Dir: dir, Stdin: stdin}, args[1:]...)
	if r.Code != 0 && !(r.Code == 1 && (args[1] == "check" || args[1] == "convert")) {
		t.Fatalf("%q: exit %d\nstderr: %s", step, r.Code, r.Stderr)
	}
	if out != "" {
		if err := os.WriteFile(filepath.Join(dir, out), []byte(r.Stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if r.Stdout == "" && !strings.Contains(step, " -o ") && !strings.Contains(step, " --out-dir ") && !strings.Contains(step, " --save-background ") {
		t.Errorf("%q printed nothing", step)
	}
}

// words splits a command line as a shell would, for the quoting examples
// use ('…', "…", backslashes not needed).
func words(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in %q", s)
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}
