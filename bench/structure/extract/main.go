// Command extract writes the text pkg/input extracts from each readable
// file into DIR as NAME-zhpolicy.txt (formats it cannot read are named on
// stderr and left out).
//
//	go run ./bench/structure/extract DIR FILE...
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"zhpolicy/pkg/input"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: extract DIR FILE...")
		os.Exit(2)
	}
	dir := os.Args[1]
	for _, f := range os.Args[2:] {
		d, err := input.Read(input.Source{Path: f, Size: -1}, input.Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, "extract:", err)
			continue
		}
		if d.Format == "text" && filepath.Ext(f) != ".txt" {
			fmt.Fprintf(os.Stderr, "extract: %s: read as plain text, not as its format; left out\n", f)
			continue
		}
		out := filepath.Join(dir, filepath.Base(f)+"-zhpolicy.txt")
		if err := os.WriteFile(out, []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "extract:", err)
			os.Exit(1)
		}
	}
}
